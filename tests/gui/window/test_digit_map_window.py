"""View ▸ Map of Digit Space (issue 22 part 1): the live map in a window of its own, computed
where the session holds still, with one cloud per class of the data trained on, shaded by D's
score with what that means and its scale; it follows the zoom and presenter mode (where it takes
the curves' place), and a scenario whose caption points to it opens it."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize

from ganstudio.core.config.scenarios import SCENARIOS
from ganstudio.core.formats.map_image import shade_colours
from ganstudio.gui import zoom
from ganstudio.gui.views.digit_map_view import FAKE_DOT, arrow_segments
from ganstudio.gui.window.digit_map_window import desk_place


def test_each_arrow_is_a_shaft_and_two_head_strokes_ending_at_its_tip():
    starts = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]])
    ends = np.array([[1.0, 0.0], [1.0, 3.0], [2.0, 2.0]])   # the last one has no length
    pairs = arrow_segments(starts, ends).reshape(3, 3, 2, 2)
    assert np.array_equal(pairs[:, 0, 0], starts) and np.array_equal(pairs[:, 0, 1], ends)
    assert np.array_equal(pairs[:, 1:, 0], np.repeat(ends[:, None], 2, axis=1))
    strokes = pairs[:2, 1:, 1] - ends[:2, None]
    shafts = (ends - starts)[:2, None]
    assert np.all(np.sum(strokes * shafts, axis=2) < 0)          # heads point back along the shaft
    assert np.allclose(pairs[2, 1:, 1], ends[2])                 # no length, no head


def test_the_map_window_shows_the_session_now_with_the_classes_trained_on(make_window, qtbot):
    window = make_window()
    window.data_panel.digit_filter.set_digits((3, 5))
    window.actions.reset.trigger()
    for _ in range(3):
        before = window.controller.session.iteration
        window.actions.step.trigger()
        qtbot.waitUntil(lambda: window.controller.session.iteration > before, timeout=10_000)
    assert window.actions.digit_map in window.menuBar().actions()[3].menu().actions() or any(
        window.actions.digit_map in a.menu().actions() for a in window.menuBar().actions() if a.menu())
    window.actions.digit_map.trigger()
    view = window.digit_map.view
    qtbot.waitUntil(lambda: view.shown_iteration == window.controller.session.iteration, timeout=10_000)
    assert window.digit_map.window.isVisible()
    assert len(view.fakes.data) == window.controller.session.config.sample_count
    names = [label.text for _, label in view.legend.items]
    assert names == ["real 3", "real 5", "fake"]
    assert len(view.arrows.xData) == 6 * len(view.fakes.data)


def test_closing_the_map_window_stops_its_refreshes(make_window, qtbot, monkeypatch):
    window = make_window()
    window.actions.digit_map.trigger()
    qtbot.waitUntil(lambda: window.digit_map.view.shown_iteration is not None, timeout=10_000)
    asked = []
    monkeypatch.setattr(window.controller, "between_records", asked.append)
    window.digit_map.refresh()   # what the scheduler's "map" row calls
    assert len(asked) == 1
    window.digit_map._pending = False
    window.digit_map.window.close()
    window.digit_map.refresh()
    assert len(asked) == 1   # closed: no map is asked of the training thread


def test_the_refresh_scheduler_paces_the_map_by_what_it_costs(make_window, qtbot):
    from ganstudio.gui.training.refresh_scheduler import CADENCE, Pace

    window = make_window()
    window.actions.digit_map.trigger()
    qtbot.waitUntil(lambda: window.digit_map.view.shown_iteration is not None, timeout=10_000)
    scheduler = window.controller.refresh
    row = scheduler._views["map"]
    assert row.painted > 0 or row.cost > 0   # a map's arrival charges what it cost to the "map" row
    cheap = scheduler.interval("map", Pace.FULL)
    scheduler._views["map"].cost = 0.05   # a map that costs 50 ms in all
    assert scheduler.interval("map", Pace.FULL) == min(1 / CADENCE["map"].least, 0.05 / CADENCE["map"].gui_share)
    assert scheduler.interval("map", Pace.FULL) > cheap >= 1 / CADENCE["map"].most
    assert scheduler.interval("map", Pace.PACED) == 1 / CADENCE["map"].most


def _map_shown(window, qtbot):
    window.actions.digit_map.trigger()
    view = window.digit_map.view
    qtbot.waitUntil(lambda: view.shown_iteration is not None, timeout=10_000)
    return view


def test_the_map_is_shaded_by_d_and_says_what_the_shade_means(make_window, qtbot):
    window = make_window()
    view = _map_shown(window, qtbot)
    assert view.shading.isVisible() and view.shown_shade.shape == (24, 24)
    background = view.backgroundBrush().color()
    expected = shade_colours(view.shown_shade, (background.red(), background.green(), background.blue()))
    assert np.array_equal(view.shading.image, expected)
    rect = view.shading.mapRectToParent(view.shading.boundingRect())
    fakes = np.column_stack(view.fakes.getData())
    assert rect.left() < fakes[:, 0].min() and fakes[:, 0].max() < rect.right()
    assert rect.top() < fakes[:, 1].min() and fakes[:, 1].max() < rect.bottom()
    panel = window.digit_map.panel
    assert "D's score" in panel.meaning.text() and panel.meaning.isVisible()
    assert "fake" in panel.key.fake_end.text() and "real" in panel.key.real_end.text()
    window.set_theme("dark" if window.theme.name == "light" else "light")   # the cells follow the theme
    background = view.backgroundBrush().color()
    assert np.array_equal(view.shading.image, shade_colours(
        view.shown_shade, (background.red(), background.green(), background.blue())))


def test_the_map_follows_the_zoom(make_window, qtbot):
    window = make_window()
    view = _map_shown(window, qtbot)
    window.set_zoom(1.0)
    meaning = window.digit_map.panel.meaning.fontInfo().pixelSize()
    tick = view.getAxis("bottom").style["tickFont"].pointSizeF()
    window.set_zoom(2.0)
    try:
        # The texts around the map grow as the legend does, to 125 % (on stage they took its room).
        assert window.digit_map.panel.meaning.fontInfo().pixelSize() >= 1.25 * meaning - 1
        assert window.digit_map.panel.meaning.font().pointSizeF() == 1.25 * zoom.base_font().pointSizeF()
        assert view.getAxis("bottom").style["tickFont"].pointSizeF() == 2 * tick
        assert view.fakes.opts["size"] == FAKE_DOT * math.sqrt(2)
        # The legend grows less (its eleven rows covered half the map on stage), in two columns.
        legend_size = f"{1.25 * zoom.base_font().pointSizeF():.1f}pt"
        assert [label.opts.get("size") for _, label in view.legend.items] == [legend_size] * len(view.legend.items)
        assert view.legend.columnCount == 2
    finally:
        window.set_zoom(1.0)


def _global(widget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def test_on_stage_the_map_takes_the_curves_place_and_goes_back_after(make_window, qtbot):
    window = make_window()
    _map_shown(window, qtbot)
    maps = window.digit_map
    desk = maps.window.geometry()
    window.presenter.set(True)
    qtbot.waitUntil(lambda: maps.window.frameGeometry().intersects(maps.stage_rect())
                    and maps.stage_rect().contains(maps.window.geometry()), timeout=5_000)
    assert maps.window.isVisible() and maps.on_stage
    assert not maps.view.getAxis("left").isVisible()   # the plane's coordinates: room for the map
    for kept in (window.view.grid, window.statusBar()):   # the digits and the status bar stay in view
        assert not maps.window.frameGeometry().intersects(_global(kept)), kept
    window.presenter.set(False)
    qtbot.waitUntil(lambda: maps.window.geometry() == desk, timeout=5_000)
    assert maps.view.getAxis("left").isVisible()


def test_a_scenario_whose_caption_points_to_the_map_opens_it(make_window, qtbot, bundled_train):
    window = make_window(dataset=bundled_train)
    by_name = {s.name: i for i, s in enumerate(SCENARIOS)}
    window.actions.scenarios[by_name["classic"]].trigger()
    window.controller.pause()
    assert not SCENARIOS[by_name["classic"]].shows_map and not window.digit_map.window.isVisible()
    assert {s.name for s in SCENARIOS if s.shows_map} >= {"collapse", "digits", "stopping-rule"}
    for name in ("collapse", "stopping-rule"):
        window.presenter.set(name == "stopping-rule")
        window.actions.scenarios[by_name[name]].trigger()
        try:
            assert window.digit_map.window.isVisible()
            assert "map" in window.caption.watch.text()
            if window.presenter.active:   # the map covers the curves there: the caption does not name them
                assert "equilibrium" not in window.caption.watch.text()
                qtbot.waitUntil(lambda: window.digit_map.stage_rect().contains(window.digit_map.window.geometry()),
                                timeout=5_000)
        finally:
            window.controller.pause()
        window.digit_map.window.close()
    window.presenter.set(False)


def test_the_main_windows_keys_work_in_the_map_window(make_window, qtbot):
    """A scenario opens the map over the main window: Space and F11 there went nowhere."""
    from PySide6.QtCore import Qt

    from ganstudio.gui.training.controller import State

    window = make_window()
    window.actions.digit_map.trigger()
    map_window = window.digit_map.window
    qtbot.waitExposed(map_window)
    with qtbot.waitActive(map_window):
        map_window.activateWindow()
    qtbot.keyClick(map_window, Qt.Key.Key_Space)
    assert window.controller.state is State.RUNNING
    qtbot.keyClick(map_window, Qt.Key.Key_Space)
    assert window.controller.state is State.PAUSED


def test_at_the_desk_the_map_opens_beside_the_main_window_or_over_its_curves():
    screen, size, curves = QRect(0, 0, 1920, 1080), QSize(720, 640), QRect(600, 100, 400, 500)
    assert desk_place(screen, QRect(0, 0, 1100, 800), size, curves) == QPoint(1100, 0)     # room on the right
    assert desk_place(screen, QRect(800, 600, 1100, 480), size, curves) == QPoint(80, 440)  # on the left, on screen
    small = QRect(0, 0, 1024, 768)   # a projector: no room beside a main window of any use
    assert desk_place(small, QRect(0, 0, 1024, 740), size, curves) == QRect(600, 100, 424, 500)
    assert desk_place(small, QRect(0, 0, 1024, 740), size, None) is None


def test_on_a_small_screen_the_map_opens_over_the_curves_not_the_digits(make_window, qtbot):
    window = make_window()
    window.setGeometry(window.screen().availableGeometry())   # the main window fills the screen
    qtbot.waitUntil(lambda: window.view.plots.isVisible())
    maps = window.digit_map
    window.actions.digit_map.trigger()
    qtbot.waitUntil(lambda: maps.window.isVisible())
    curves, placed = maps.stage_rect(), maps.window.frameGeometry()
    assert placed.left() == curves.left() and placed.top() == curves.top() and placed.width() >= curves.width()
    assert not maps.window.frameGeometry().intersects(_global(window.view.grid))
    moved = maps.window.pos() + QPoint(5, 5)   # the user's place is kept from then on
    maps.window.move(moved)
    maps.window.hide()
    window.actions.digit_map.trigger()
    qtbot.waitUntil(lambda: maps.window.isVisible())
    assert maps.window.pos() == moved
