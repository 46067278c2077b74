"""Where the features merged for issues 13-15 meet: zoom with the timeline and the speed
control, Esc in presenter mode with the overlays and a settings field, the welcome overlay
under zoom."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from ganstudio.gui import zoom


def _least_width(widget) -> int:
    """The width a layout will not squeeze `widget` below."""
    return widget.minimumWidth() or widget.minimumSizeHint().width()


def test_the_timeline_and_speed_labels_keep_room_that_follows_the_zoom(make_window, qtbot):
    """Measured once at construction, their room stayed as wide as the font they were built in:
    a window built at 300 % and zoomed back to 100 % stayed 1,300 px wide, and at 300 % the
    labels had 100 % room."""
    window = make_window()
    qtbot.waitExposed(window)
    labels = {window.view.timeline.label: "iteration 000,000",
              window.speed._label: "as fast as possible"}
    for factor in (3.0, 1.0, 2.0):
        window.set_zoom(factor)
        for label, widest in labels.items():
            needed = QFontMetrics(zoom.zoomed_font()).horizontalAdvance(widest)
            assert needed <= _least_width(label) <= needed + 20, (factor, widest)



def _presenting(make_window, qtbot):
    window = make_window()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.presenter.set(True)
    assert window.presenter.active
    return window


def test_esc_in_presenter_mode_closes_the_cheat_sheet_first(make_window, qtbot):
    window = _presenting(make_window, qtbot)
    window.actions.cheat_sheet.trigger()
    sheet = window.cheat_sheet
    qtbot.waitUntil(sheet.hasFocus)
    qtbot.keyClick(sheet, Qt.Key.Key_Escape)
    assert not sheet.isVisible() and window.presenter.active
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Escape)   # nothing open: leave
    assert not window.presenter.active


def test_esc_in_presenter_mode_puts_a_fields_value_back_first(make_window, qtbot):
    window = _presenting(make_window, qtbot)
    window.docks.settings.show()          # the View menu brings a dock back while presenting
    editor = window.hyperparameters.editor("lr_d")
    editor.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(editor.hasFocus)
    text = editor.text()
    qtbot.keyClicks(editor, "77")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.text() == text and not editor.hasFocus() and window.presenter.active
    editor.setFocus(Qt.FocusReason.MouseFocusReason)     # focused, not edited: Esc leaves it
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.hasFocus() and window.presenter.active
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Escape)
    assert not window.presenter.active


def test_esc_in_presenter_mode_closes_the_help_page_first(make_window, qtbot):
    window = _presenting(make_window, qtbot)
    window.actions.help.trigger()
    page = window.help_page
    qtbot.waitUntil(lambda: page.isVisible() and page.isActiveWindow())
    qtbot.keyClick(page.focusWidget() or page, Qt.Key.Key_Escape)
    assert not page.isVisible() and window.presenter.active


def test_a_digit_key_of_the_window_is_typed_into_a_focused_field_and_acts_elsewhere(
        make_window, qtbot):
    """Number keys will pick scenarios; in a settings field a digit is how an edit begins, so
    the key router must never route digits past one (and does not)."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    window = make_window()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    # A digit no scenario uses yet: two actions on one key would be ambiguous, and fire neither.
    taken = {action.shortcut().toString() for action in QWidget.actions(window)}
    digit = next(d for d in "987654321" if d not in taken)
    scenario = QAction(f"Scenario {digit}", window)
    scenario.setShortcut(digit)
    window.addAction(scenario)
    fired = []
    scenario.triggered.connect(lambda: fired.append(True))
    editor = window.hyperparameters.editor("lr_d")
    editor.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(editor.hasFocus)
    editor.selectAll()
    key = Qt.Key(Qt.Key.Key_0 + int(digit))
    qtbot.keyClick(editor, key)
    assert editor.text() == digit and not fired
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.keyClick(window.focusWidget() or window, key)
    assert fired


def test_the_welcome_text_grows_with_the_zoom(make_window, qtbot):
    """At 300 % every other text was three times as large and the welcome's stayed as it was."""
    window = make_window()
    qtbot.waitExposed(window)
    welcome = window.display.welcome
    side = 200.0          # a small grid: the least sizes, not the grid's, decide at 100 %
    window.set_zoom(1.0)
    normal = [size for _, size, _, _ in welcome.pieces(side)]
    window.set_zoom(3.0)
    large = [size for _, size, _, _ in welcome.pieces(side)]
    assert all(big >= 2.9 * small for big, small in zip(large, normal)), (normal, large)
    window.set_zoom(1.0)


def test_the_timeline_slider_keeps_a_length_under_a_narrow_grid_with_large_type(qtbot):
    """1024 x 768 at 175 %: the caption and the label's room left the slider no length."""
    from ganstudio.gui.views.timeline_bar import TimelineBar

    zoom.set_current(1.75)
    try:
        bar = TimelineBar()
        qtbot.addWidget(bar)
        bar.show()
        bar.resize(310, bar.sizeHint().height())
        qtbot.waitUntil(lambda: bar.slider.width() >= 3 * bar.fontMetrics().height())
        assert not bar.caption.isVisible()
        bar.resize(900, bar.height())                      # room enough: the caption is back
        qtbot.waitUntil(bar.caption.isVisible)
    finally:
        zoom.set_current(zoom.NORMAL_ZOOM)


def test_the_cheat_sheet_lists_leave_presenter_mode_only_while_presenting(make_window, qtbot):
    from ganstudio.gui.panels.cheat_sheet import shortcut_rows

    window = make_window()
    qtbot.waitExposed(window)
    leave = window.actions.leave_presenter.text()
    assert leave not in [name for name, _ in shortcut_rows(window)]
    window.presenter.set(True)
    assert leave in [name for name, _ in shortcut_rows(window)]
    window.presenter.set(False)
    assert leave not in [name for name, _ in shortcut_rows(window)]
