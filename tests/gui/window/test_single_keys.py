"""WCAG 2.1.4: the one-character shortcuts (R, 1–9, ?) can be turned off and stay off."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from ganstudio.gui.window.single_keys import is_single_character

from support.gui import iterations_so_far


@pytest.mark.parametrize(("keys", "single"), [
    ("R", True), ("1", True), ("?", True), ("Space", False), ("F1", False), ("Ctrl+R", False),
    ("Right", False), ("Shift+Right", False), ("Esc", False), ("Ctrl+Shift+C", False)])
def test_what_counts_as_a_single_character_key(keys, single):
    assert is_single_character(QKeySequence(keys)) is single


def _shortcut_texts(window):
    return {key.toString() for action in window.actions.__dict__.values()
            if hasattr(action, "shortcuts") for key in action.shortcuts()} | {
        key.toString() for action in window.actions.scenarios for key in action.shortcuts()}


def test_turned_off_r_no_longer_resets_and_ctrl_r_still_does(make_window, qtbot):
    window = make_window()
    # Shortcuts reach only the active window; on a loaded machine (Python 3.13's suite) the
    # window was not active yet when the keys came, and Ctrl+R went nowhere.
    with qtbot.waitActive(window):
        window.activateWindow()
    assert {"R", "C", "1", "?"} <= _shortcut_texts(window)
    window.actions.single_keys.trigger()   # off
    texts = _shortcut_texts(window)
    assert not {"R", "C", "1", "9", "?"} & texts
    assert {"Ctrl+R", "Space", "F1", "Right"} <= texts
    window.actions.step.trigger()
    qtbot.waitUntil(lambda: iterations_so_far(window) == 1, timeout=10_000)
    trained = window.controller.session
    qtbot.keyClick(window, Qt.Key.Key_R)
    qtbot.keyClick(window, Qt.Key.Key_1)
    assert window.controller.session is trained   # neither reset nor a scenario
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.session is not trained


def test_the_choice_is_remembered_and_can_be_undone(make_window, settings):
    window = make_window()
    window.actions.single_keys.trigger()
    window.close()
    again = make_window(window_settings=settings)
    assert not again.actions.single_keys.isChecked()
    assert "R" not in _shortcut_texts(again)
    again.actions.single_keys.trigger()   # on again
    assert {"R", "1", "?"} <= _shortcut_texts(again)
    assert settings.single_keys
