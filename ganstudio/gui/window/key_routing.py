"""Space, → and R reach their actions whatever widget has focus, unless a text field is being
edited.

How Qt decides: before a key press is delivered, the focus widget gets a ShortcutOverride
event; a text field accepts it for every key it could type or move its cursor with, and then
the window's shortcut never fires (Space typed a space into the learning rate while the status
bar said "press Space to start"). Buttons, sliders and plain combo boxes do not claim these
keys, so there the shortcuts already win.

The router watches only the focused text field of the window (an application-wide filter would
cost a Python call for every event of the app, paints included). A field that has just got
focus is *not being edited*: the routed keys are refused to it at ShortcutOverride, so Qt fires
the action's own shortcut and never delivers the key press — nothing is typed, nothing acted on
twice. Typing anything else into it (a digit, Backspace, ←, Ctrl+A, …) starts an edit; from
then on the field gets every key as usual, until Enter (keep the value) or Esc (put the value
back) leaves the field, or focus moves on. A routed key that reaches the field anyway (its
action is disabled, e.g. Space after a finished run) is swallowed, not typed. Esc and Enter are
claimed at ShortcutOverride: in presenter mode Esc is also Leave Presenter Mode's shortcut, and
the field comes first.

Digits are never routed: typing one is how a number field's edit begins.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

# Keys that neither type nor start an edit: modifiers alone (Shift before "?"), and moving on.
_NOT_EDITING = frozenset({
    Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
    Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R,
    Qt.Key.Key_Tab, Qt.Key.Key_Backtab,
})
_LEAVE = frozenset({Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter})


def is_text_field(widget: QWidget | None) -> bool:
    """A widget that takes typed text, and so claims Space, arrows and letters."""
    return isinstance(widget, QLineEdit | QAbstractSpinBox | QTextEdit | QPlainTextEdit) or (
        isinstance(widget, QComboBox) and widget.isEditable())


def _combinations(event: QKeyEvent) -> list[QKeySequence]:
    """The shortcuts a key press could mean: "?" arrives as Shift+? on most keyboards, and
    Qt's own shortcut matching accepts it for a plain "?" shortcut too."""
    combination = event.keyCombination()
    sequences = [QKeySequence(combination)]
    text = event.text()
    if (event.modifiers() & Qt.KeyboardModifier.ShiftModifier and len(text) == 1
            and text.isprintable() and not text.isalnum() and not text.isspace()):
        plain = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        sequences.append(QKeySequence(combination.key() | plain))
    return sequences


def _single_line(widget: QWidget) -> bool:
    """Enter leaves a one-line field; in a text box it starts a new line."""
    return not isinstance(widget, QTextEdit | QPlainTextEdit)


class KeyRouter(QObject):
    """Routes the shortcuts of `actions` past a focused text field of `window` that is not
    being edited; Enter and Esc leave the field for `home` (a widget that takes no text)."""

    def __init__(self, window: QWidget, actions: Iterable[QAction], home: QWidget) -> None:
        super().__init__(window)
        self._window, self._home = window, home
        self._actions = list(actions)
        self._field: QWidget | None = None
        self._editing = False
        self._value_at_focus = None
        QApplication.instance().focusChanged.connect(self._focus_changed)

    @property
    def editing(self) -> bool:
        """Whether the focused text field is being edited (its keys are its own)."""
        return self._field is not None and self._editing

    def routes(self, event: QKeyEvent) -> bool:
        """Whether the key press is one of the routed actions' shortcuts."""
        wanted = _combinations(event)
        return any(sequence.matches(shortcut) == QKeySequence.SequenceMatch.ExactMatch
                   for action in self._actions for shortcut in action.shortcuts()
                   for sequence in wanted)

    # ----- internals --------------------------------------------------------------------
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._field is not None and isValid(self._field):   # a deleted one drops its filters
            self._field.removeEventFilter(self)
        self._field, self._editing, self._value_at_focus = None, False, None
        if is_text_field(new) and new.window() is self._window:
            self._field = new
            self._value_at_focus = self._value(new)
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is not self._field:
            return False
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            if self._leaves(watched, event.key()):
                event.accept()   # the field's own: Esc leaves it before it leaves presenter mode
                return True
            if not self._editing and self.routes(event):
                event.ignore()   # the field does not claim it, so the action's shortcut fires
                return True
            return False
        if kind != QEvent.Type.KeyPress:
            return False
        key = event.key()
        if self._leaves(watched, key):
            self._leave(restore=key == Qt.Key.Key_Escape)
            return True
        if not self._editing and self.routes(event):
            return True   # its action is disabled: neither typed nor acted on
        if key not in _NOT_EDITING:
            self._editing = True
        return False

    @staticmethod
    def _leaves(field: QWidget, key: int) -> bool:
        """Esc, and Enter in a one-line field, leave the field."""
        return key == Qt.Key.Key_Escape or (key in _LEAVE and _single_line(field))

    def _leave(self, restore: bool) -> None:
        """Esc puts the value the field had when it got focus back; either way focus goes
        home, and the field commits (editingFinished) as it loses it."""
        field = self._field
        if restore and self._value_at_focus is not None:
            field.metaObject().userProperty().write(field, self._value_at_focus)
        self._home.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @staticmethod
    def _value(field: QWidget):
        """The field's value (its user property: a line edit's text, a spin box's value)."""
        prop = field.metaObject().userProperty()
        return prop.read(field) if prop.isValid() else None
