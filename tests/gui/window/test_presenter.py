"""Presenter mode, zoom, readable tick labels and the theme that follows the desktop (issue 13)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from ganstudio.gui import zoom
from ganstudio.gui.training.refresh_scheduler import CADENCE, PRESENTER_CADENCE


def _pen_width(curve) -> float:
    return curve.opts["pen"].widthF()


def test_zoom_scales_every_font_the_plot_text_and_the_line_widths(make_window):
    window = make_window()
    view = window.view
    window.set_zoom(1.0)
    base_points = QApplication.font().pointSizeF()
    tick_points = view.equilibrium.widget.getPlotItem().getAxis("bottom").style["tickFont"].pointSizeF()
    status_width = window.status.iteration.width()
    assert _pen_width(view.equilibrium.real_curve) == 1
    window.actions.zoom_in.trigger()
    window.actions.zoom_in.trigger()
    assert zoom.current() == 1.25
    window.set_zoom(2.0)
    assert QApplication.font().pointSizeF() == pytest.approx(2 * base_points)
    assert view.grid_title.font().pointSizeF() == pytest.approx(2 * base_points)
    for plot in (view.equilibrium, view.losses, view.outputs):
        item = plot.widget.getPlotItem()
        for name in ("left", "bottom"):
            assert item.getAxis(name).style["tickFont"].pointSizeF() == pytest.approx(2 * tick_points)
        assert item.titleLabel.opts["size"] == f"{2 * base_points:.1f}pt"
        assert item.getAxis("left").label.font().pointSizeF() == pytest.approx(2 * base_points) or \
            f"{2 * base_points:.1f}pt" in item.getAxis("left").labelString()
    for curve in (view.equilibrium.real_curve, view.equilibrium.fake_curve, view.losses.d_curve,
                  view.losses.g_curve):
        assert _pen_width(curve) == 2
    # The rounded mean stays a hairline: wide, its iteration-to-iteration jumps were a solid band.
    assert _pen_width(view.equilibrium.mean_curve) == 1
    assert window.status.iteration.width() > 1.5 * status_width   # room for the larger digits
    window.actions.zoom_reset.trigger()
    assert zoom.current() == 1.0 and QApplication.font().pointSizeF() == pytest.approx(base_points)


def _layout(window):
    docks = window.docks
    return (window.geometry(), window.windowState(),
            [d.geometry() for d in (docks.data, docks.settings, docks.stages, docks.quality)], window.view.sizes(),
            window.view.plots.sizes(), window.toolbar.toolButtonStyle(),
            [d.isVisible() for d in (docks.data, docks.settings, docks.stages, docks.quality)],
            window.isFullScreen(), window.status.data.isVisible())


def test_presenter_mode_enters_full_screen_and_leaving_restores_the_window(make_window, qtbot):
    window = make_window()
    window.resize(1000, 700)
    qtbot.waitExposed(window)
    window.docks.quality.hide()           # a layout of the user's own, to come back exactly
    QApplication.processEvents()
    window.view.setSizes([500, 230])
    before = _layout(window)
    assert not before[-2]

    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F11)
    assert window.presenter.active and window.actions.presenter.isChecked()
    assert window.isFullScreen()
    assert not any(d.isVisible() for d in (window.docks.data, window.docks.settings,
                                           window.docks.stages, window.docks.quality))
    assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    assert window.view.plots.sizes()[1] == 0            # the losses folded under the equilibrium
    assert zoom.current() == zoom.PRESENTER_ZOOM
    assert window.controller.refresh.table == dict(PRESENTER_CADENCE)
    window.docks.settings.show()   # a dock brought back while presenting is forgotten on leaving

    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Escape)
    assert not window.presenter.active and not window.actions.presenter.isChecked()
    QApplication.processEvents()   # the layouts settle
    after = _layout(window)
    assert after == before
    assert zoom.current() == zoom.NORMAL_ZOOM
    assert window.controller.refresh.table == dict(CADENCE)
    assert not window.actions.leave_presenter.isEnabled()   # Esc is free again


def test_each_mode_remembers_its_zoom_and_closing_while_presenting_keeps_the_normal_layout(
        make_window, settings, qtbot):
    window = make_window()
    window.resize(900, 650)
    qtbot.waitExposed(window)
    normal_geometry = bytes(window.saveGeometry())
    window.set_zoom(1.25)
    window.presenter.set(True)
    window.set_zoom(2.5)
    window.close()
    assert settings.zoom == 1.25 and settings.presenter_zoom == 2.5
    assert bytes(settings.geometry) == normal_geometry      # not the full-screen one

    again = make_window(window_settings=settings)
    assert zoom.current() == 1.25 and not again.isFullScreen()
    again.actions.presenter.trigger()
    assert zoom.current() == 2.5
    again.actions.zoom_reset.trigger()                      # the mode's own usual size
    assert zoom.current() == zoom.PRESENTER_ZOOM
    again.actions.presenter.trigger()
    assert zoom.current() == 1.25


def _tick_label_rects(plot_widget, name):
    axis = plot_widget.getPlotItem().getAxis(name)
    image = QImage(10, 10, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return axis, [(QRectF(rect), text) for rect, _flags, text in texts]


@pytest.mark.parametrize("presenting", [False, True])
@pytest.mark.parametrize("factor", [1.0, 1.75, 3.0])
def test_tick_labels_never_run_together_at_1024x768(make_window, qtbot, presenting, factor):
    window = make_window()
    window.resize(1024, 768)
    qtbot.waitExposed(window)
    if presenting:
        window.presenter.set(True)
        window.resize(1024, 768)    # the offscreen screen is not a projector's size
    window.set_zoom(factor)
    history = window.controller.history
    history.load({"iteration": list(range(1, 8601)), "d_real": [0.5] * 8600, "d_fake": [0.4] * 8600,
                  "rounded_mean": [0.5] * 8600, "d_loss": [1.3] * 8600, "g_loss": [0.9] * 8600})
    window.view.show_history(history)
    qtbot.waitUntil(lambda: window.view.equilibrium.widget.width() > 0)
    QApplication.processEvents()
    plots = [window.view.equilibrium, window.view.outputs]
    if not presenting:
        plots.append(window.view.losses)
    for plot in plots:
        for name in ("bottom", "left"):
            axis, labels = _tick_label_rects(plot.widget, name)
            assert len(labels) >= 2, (name, labels)
            horizontal = name == "bottom"
            spans = sorted((r.left(), r.right()) if horizontal else (r.top(), r.bottom())
                           for r, _ in labels)
            for (_, end), (start, _) in zip(spans, spans[1:]):
                assert start - end >= 2, (name, factor, [t for _, t in labels])
    _, labels = _tick_label_rects(window.view.equilibrium.widget, "bottom")
    assert all(text.endswith("k") for _, text in labels if text not in ("0",)), labels


def test_presenter_mode_leaves_d_histogram_a_third_of_the_height(make_window, qtbot):
    window = make_window()
    qtbot.waitExposed(window)
    window.presenter.set(True)
    window.resize(1024, 768)
    QApplication.processEvents()
    column = window.view.outputs.widget.parentWidget()
    assert window.view.outputs.widget.height() >= column.height() / 3 - 1
    assert window.view.grid.height() >= 300                  # and the digits stay large


def test_the_system_theme_follows_the_desktop(make_window, monkeypatch):
    from ganstudio.gui import theme

    monkeypatch.setattr(theme, "system_scheme", lambda: Qt.ColorScheme.Light)
    window = make_window()
    assert window.theme_choice == "system" and window.actions.system_theme.isChecked()
    assert window.theme.name == "light"
    assert QApplication.palette().window().color().lightness() > 200

    hints = QApplication.styleHints()
    monkeypatch.setattr(theme, "system_scheme", lambda: Qt.ColorScheme.Dark)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.theme.name == "dark"
    assert QApplication.palette().window().color().lightness() < 60

    window.actions.light_theme.trigger()          # a choice of the user's own sticks
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.theme.name == "light"


def test_the_desktop_saying_nothing_keeps_the_dark_look(monkeypatch):
    from ganstudio.gui import theme

    monkeypatch.setattr(theme, "system_scheme", lambda: Qt.ColorScheme.Unknown)
    assert theme.theme_named("system") is theme.DARK
    assert theme.theme_named("light") is theme.LIGHT


def test_the_quality_chart_fits_its_dock_again_after_presenter_mode(make_window, qtbot):
    """Restyled while its dock was hidden, the chart kept the large type's width: after Esc
    it showed digits 0-5 and "What is G dra" (issue 20)."""
    window = make_window()
    window.resize(1024, 720)
    qtbot.waitExposed(window)
    chart = window.quality_panel.coverage.plot
    window.presenter.set(True)
    QApplication.processEvents()
    window.presenter.set(False)
    QApplication.processEvents()
    assert chart.isVisible()
    assert chart.getPlotItem().geometry().width() <= chart.width()


@pytest.mark.parametrize("factor", zoom.ZOOM_STEPS)
def test_on_stage_every_curve_is_at_least_3_px(make_window, factor):
    """A 1-px dotted "rounded mean" and 2-px means vanished on a projector (issue 20)."""
    window = make_window()
    window.presenter.set(True)
    window.set_zoom(factor)
    view = window.view
    curves = [view.equilibrium.real_curve, view.equilibrium.fake_curve, view.equilibrium.mean_curve,
              view.losses.d_curve, view.losses.g_curve]
    assert all(_pen_width(curve) >= 3 for curve in curves)
    window.presenter.set(False)
    window.set_zoom(1.0)
    assert _pen_width(view.equilibrium.mean_curve) == 1   # at the desk a hairline again


def test_on_stage_the_live_curves_are_solid_and_opaque(make_window):
    """pyqtgraph draws a wide solid opaque pen as line segments and strokes any other as one
    path: the 3-px dashed, translucent rounded mean took a third of the GUI thread on stage."""
    window = make_window()
    window.presenter.set(True)
    view = window.view
    for curve in (view.equilibrium.real_curve, view.equilibrium.fake_curve, view.equilibrium.mean_curve):
        pen = curve.opts["pen"]
        assert pen.style() == Qt.PenStyle.SolidLine and pen.color().alpha() == 255
    window.presenter.set(False)   # at the desk the rounded mean is a faint dotted hairline again
    assert view.equilibrium.mean_curve.opts["pen"].style() == Qt.PenStyle.DotLine


def test_on_stage_text_is_at_least_22_px_at_1024x768(make_window):
    window = make_window()
    window.presenter.set(True)
    assert QApplication.font().pixelSize() >= 22 or \
        window.status.state.fontInfo().pixelSize() >= 22


def test_a_zoom_step_past_the_largest_type_fills_the_screen_with_the_grid(make_window):
    """Issue 20: on stage, Ctrl++ at the largest type the screen allows leaves it to G's grid;
    Ctrl+- brings every view back, and so do Ctrl+0 and leaving presenter mode."""
    window = make_window()
    window.presenter.set(True)
    window.resize(1024, 768)
    view = window.view
    for _ in zoom.ZOOM_STEPS:   # up to the largest type
        window.actions.zoom_in.trigger()
    QApplication.processEvents()
    assert view.filled_with_digits
    assert not view.plots.isVisible() and not view.outputs.widget.isVisible()
    assert not view.real_strip.isVisible()
    grid = view.grid.image_rect()
    assert grid.height() >= 0.6 * window.height()   # 10 rows as tall as the screen leaves them
    largest = zoom.current()
    window.actions.zoom_out.trigger()
    QApplication.processEvents()
    assert not view.filled_with_digits and view.plots.isVisible() and view.real_strip.isVisible()
    assert zoom.current() == largest   # the step back only brought the views back
    window.actions.zoom_in.trigger()
    window.actions.zoom_reset.trigger()
    assert not view.filled_with_digits and zoom.current() == window.presenter.default_zoom()
    window.actions.zoom_in.trigger()   # at 200 %, one step below the largest: only larger type
    assert not view.filled_with_digits
    for _ in zoom.ZOOM_STEPS:
        window.actions.zoom_in.trigger()
    window.presenter.set(False)
    QApplication.processEvents()
    assert not view.filled_with_digits and view.plots.isVisible()


def test_at_the_desk_the_largest_zoom_keeps_every_view(make_window):
    window = make_window()
    for _ in range(len(zoom.ZOOM_STEPS) + 1):
        window.actions.zoom_in.trigger()
    assert zoom.current() == zoom.ZOOM_STEPS[-1]
    assert not window.view.filled_with_digits
