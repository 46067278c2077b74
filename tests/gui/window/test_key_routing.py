"""Space, →, Shift+→ and R act whatever has focus (a settings field that is not being edited
included); `?` shows the keys, F1 the help page; the first launch says what to press."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from ganstudio.gui.training.controller import State

from support.gui import iterations_so_far


def focused(window, qtbot, widget):
    """`widget` with keyboard focus, as a click into it leaves it."""
    with qtbot.waitActive(window):
        window.activateWindow()
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    return widget


def test_space_in_a_focused_settings_field_starts_training_and_types_nothing(make_window, qtbot):
    window = make_window()
    editor = focused(window, qtbot, window.hyperparameters.editor("lr_d"))
    text = editor.text()
    qtbot.keyClick(editor, Qt.Key.Key_Space)
    assert window.controller.state is State.RUNNING
    qtbot.keyClick(editor, Qt.Key.Key_Space)
    assert window.controller.state is State.PAUSED
    assert editor.text() == text and editor.hasFocus()


def test_right_and_shift_right_step_from_a_focused_field(make_window, qtbot):
    window = make_window()
    editor = focused(window, qtbot, window.hyperparameters.editor("seed"))
    editor.setCursorPosition(0)
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: iterations_so_far(window) == 1, timeout=10_000)
    assert editor.cursorPosition() == 0                       # the key went to Step only
    names = window.controller.session.stage_names
    qtbot.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.stages.current == names[0], timeout=10_000)
    assert window.controller.session.iteration == 1           # one stage, not an iteration


@pytest.mark.parametrize("modifier", [Qt.KeyboardModifier.NoModifier,
                                      Qt.KeyboardModifier.ControlModifier])
def test_r_and_ctrl_r_reset_from_a_focused_field(make_window, qtbot, modifier):
    window = make_window()
    editor = focused(window, qtbot, window.hyperparameters.editor("lr_g"))
    text = editor.text()
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: iterations_so_far(window) == 1, timeout=10_000)
    old = window.controller.session
    qtbot.keyClick(editor, Qt.Key.Key_R, modifier)
    assert window.controller.session is not old and window.controller.session.iteration == 0
    assert editor.text() == text


def test_a_focused_spin_box_lets_space_start_training(make_window, qtbot):
    from PySide6.QtWidgets import QSpinBox

    window = make_window()
    spin = QSpinBox(window.hyperparameters)   # any spin box of the window (none ships today)
    spin.setValue(5)
    spin.show()
    focused(window, qtbot, spin)
    qtbot.keyClick(spin, Qt.Key.Key_Space)
    assert window.controller.state is State.RUNNING
    qtbot.keyClick(spin, Qt.Key.Key_Right)                    # pauses and steps
    assert window.controller.state is State.PAUSED
    assert spin.value() == 5 and spin.text() == "5"


def test_typing_makes_the_keys_the_fields_until_enter_leaves_it(make_window, qtbot):
    window = make_window()
    editor = focused(window, qtbot, window.hyperparameters.editor("g_hidden"))
    editor.selectAll()
    qtbot.keyClicks(editor, "48,")
    qtbot.keyClick(editor, Qt.Key.Key_Space)                  # now a space belongs to the list
    qtbot.keyClicks(editor, "24")
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    qtbot.keyClick(editor, Qt.Key.Key_Right)                  # moves the cursor, no step
    assert editor.text() == "48, 24" and editor.cursorPosition() == len("48, 24")
    assert window.controller.state is State.IDLE and window.controller.session.iteration == 0
    assert window.keys.editing
    qtbot.keyClick(editor, Qt.Key.Key_Return)                 # keeps the value, leaves the field
    assert not editor.hasFocus() and window.centralWidget().hasFocus()
    assert window.hyperparameters.config().g_hidden == (48, 24)
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Space)
    assert window.controller.state is State.RUNNING


def test_escape_puts_the_old_value_back_and_leaves_the_field(make_window, qtbot):
    window = make_window()
    editor = focused(window, qtbot, window.hyperparameters.editor("lr_d"))
    before = window.hyperparameters.config().lr_d
    text = editor.text()
    qtbot.keyClicks(editor, "77")
    assert editor.text() != text
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.text() == text and not editor.hasFocus()
    assert window.hyperparameters.config().lr_d == before
    focused(window, qtbot, editor)                            # a new visit: not being edited
    qtbot.keyClick(editor, Qt.Key.Key_Space)
    assert window.controller.state is State.RUNNING


def test_a_routed_key_whose_action_is_off_is_not_typed(make_window, qtbot):
    window = make_window()
    editor = focused(window, qtbot, window.hyperparameters.editor("lr_d"))
    text = editor.text()
    window.actions.start_pause.setEnabled(False)              # as after a finished run
    qtbot.keyClick(editor, Qt.Key.Key_Space)
    assert editor.text() == text and window.controller.state is State.IDLE


def test_question_mark_shows_every_key_from_the_actions_and_esc_closes(make_window, qtbot):
    window = make_window()
    editor = focused(window, qtbot, window.hyperparameters.editor("lr_d"))
    sheet = window.cheat_sheet
    # (Qt's offscreen platform matches a plain "?" only; X11 also takes Shift+/: checked by hand.)
    qtbot.keyClick(editor, Qt.Key.Key_Question)
    assert sheet.isVisible() and sheet.geometry() == window.rect()
    shown = dict(sheet.rows)
    assert shown["Step"] == "Right" and shown["Reset"] == "Ctrl+R / R"
    assert shown["Start or pause training"] == "Space" and shown["GAN Studio Help"] == "F1"
    assert "About GAN Studio" not in shown
    labels = {label.text() for label in sheet.findChildren(type(window.status.means))}
    assert {"Right", "Space", "Step", "Ctrl+R / R"} <= labels
    qtbot.keyClick(sheet, Qt.Key.Key_Escape)
    assert not sheet.isVisible()
    # Built from the shortcuts when shown: a changed key shows as it is.
    window.actions.step.setShortcut("N")
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Question)
    assert sheet.isVisible() and dict(sheet.rows)["Step"] == "N"
    qtbot.keyClick(sheet, Qt.Key.Key_Question)                # ? closes it too
    assert not sheet.isVisible()


def test_f1_opens_the_help_page_and_about_has_no_key(make_window, qtbot, monkeypatch):
    from ganstudio.gui.panels.about_dialog import AboutDialog

    abouts = []
    monkeypatch.setattr(AboutDialog, "exec", lambda dialog: abouts.append(dialog))
    window = make_window()
    editor = focused(window, qtbot, window.hyperparameters.editor("lr_d"))
    qtbot.keyClick(editor, Qt.Key.Key_F1)
    assert not abouts and not window.actions.about.shortcuts()
    page = window.help_page
    assert page is not None and page.isVisible()
    text = page.browser.toPlainText()
    for part in ("digit grid", "Equilibrium plot", "Loss plot", "D's histogram", "Quality panel",
                 "Stage list", "Space", "Start or pause training", "Shift+Right"):
        assert part in text
    window.actions.about.trigger()                            # still in the Help menu
    assert len(abouts) == 1
    page.close()


def test_first_launch_says_what_to_press_until_training_starts_and_again_after_reset(
        make_window, qtbot):
    window = make_window()
    welcome = window.display.welcome
    assert welcome.isVisible() and welcome.geometry() == window.view.grid.rect()
    assert "Press Space to start" == welcome.call
    window.actions.start_pause.trigger()
    assert not welcome.isVisible()
    qtbot.waitUntil(lambda: iterations_so_far(window) >= 2, timeout=20_000)
    window.actions.reset.trigger()
    assert welcome.isVisible()
    window.actions.step.trigger()                             # any start of training
    assert not welcome.isVisible()
    window.actions.reset.trigger()
    window.actions.step_stage.trigger()
    assert not welcome.isVisible()


def test_the_welcome_covers_the_grid_at_1024_by_768_and_large(make_window, qtbot):
    window = make_window()
    for width, height in ((1024, 768), (1920, 1080)):
        window.resize(width, height)
        qtbot.waitUntil(lambda: window.display.welcome.geometry() == window.view.grid.rect())
        picture = window.view.grid.grab().toImage()
        area = window.view.grid.image_rect()
        margin = max(8.0, area.width() * 0.05)
        # The dark panel, not the grey noise of the untrained G, fills the grid's middle (its
        # left edge, where no text is drawn); readable type at both sizes.
        inside = QPoint(round(area.left() + 1.5 * margin), round(area.center().y()))
        assert picture.pixelColor(inside).lightness() < 40
        assert min(size for _, size, _, _ in window.display.welcome.pieces(area.width())) >= 10
