"""Keys that are one printable character (R, C, 1–9, ?) can be turned off: WCAG 2.1.4 asks that
a user who speaks commands or slips on the keyboard can stop them acting. Help ▸ Single-Key
Shortcuts turns them off and on, remembered; Space, the arrows, F-keys and Ctrl combinations
stay, and every action keeps its menu entry."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from ganstudio.gui.window.saved_settings import WindowSettings

_ALLOWED = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


def is_single_character(sequence: QKeySequence) -> bool:
    """One key press that types a visible character ("R", "1", "?"), not Space or F1."""
    if sequence.count() != 1:
        return False
    combination = sequence[0]
    if combination.keyboardModifiers() & ~_ALLOWED:
        return False
    text = QKeySequence(combination.key()).toString()
    return len(text) == 1 and text.isprintable() and not text.isspace()


class SingleKeyShortcuts:
    def __init__(self, actions: Iterable[QAction], toggle: QAction, settings: WindowSettings) -> None:
        self._settings = settings
        self._full = {action: action.shortcuts() for action in actions
                      if any(is_single_character(key) for key in action.shortcuts())}
        toggle.setCheckable(True)
        toggle.setChecked(settings.single_keys)
        toggle.toggled.connect(self.set_on)
        self._apply(settings.single_keys)   # read only: the settings are written at close or on change

    def set_on(self, on: bool) -> None:
        self._settings.single_keys = on
        self._apply(on)

    def _apply(self, on: bool) -> None:
        for action, full in self._full.items():
            action.setShortcuts(full if on else [key for key in full if not is_single_character(key)])
