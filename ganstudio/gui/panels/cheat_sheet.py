"""The keyboard cheat-sheet (`?`): every key of the window over a dimmed window, read from the
QActions' own shortcuts when shown, so it lists the keys that work, never a copy that went stale.
Esc, `?` or a click closes it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

ROWS_PER_COLUMN = 11   # more keys than this go on in a second column


def action_name(action: QAction) -> str:
    """What an action does, in words: its longer "What's This" name when its text changes
    (Start / Pause), else its menu text without the & and the trailing dots."""
    text = action.whatsThis() or action.text()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what it does, its keys) for every action of `window` that has a key, in menu order."""
    rows = []
    # QWidget.actions: the main window names its WindowActions `actions`.
    for action in QWidget.actions(window):
        keys = [shortcut.toString(QKeySequence.SequenceFormat.NativeText)
                for shortcut in action.shortcuts() if not shortcut.isEmpty()]
        if keys and action.isVisible():
            rows.append((action_name(action), " / ".join(keys)))
    return rows


class CheatSheet(QWidget):
    """A child of the window that covers it while shown; `toggle()` shows or hides it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.setObjectName("CheatSheet")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._panel = QFrame(self)
        self._panel.setObjectName("CheatSheetPanel")
        self._title = QLabel(self.tr("Keyboard"))
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(24)
        self._grid.setVerticalSpacing(6)
        self._footer = QLabel(self.tr("In a settings field these keys still work until you type "
                                      "into it; Enter keeps what you typed, Esc puts the old value "
                                      "back. Esc or ? closes this."))
        self._footer.setWordWrap(True)
        layout = QVBoxLayout(self._panel)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(self._title)
        layout.addLayout(self._grid)
        layout.addWidget(self._footer)
        self.hide()

    @property
    def rows(self) -> list[tuple[str, str]]:
        return shortcut_rows(self._window)

    def toggle(self) -> None:
        if self.isVisible():
            self.close_sheet()
        else:
            self.open_sheet()

    def open_sheet(self) -> None:
        self._fill()
        self.setGeometry(self._window.rect())
        self._place_panel()
        self._window.installEventFilter(self)   # to follow the window's size while shown
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_sheet(self) -> None:
        had_focus = self.hasFocus()
        self._window.removeEventFilter(self)
        self.hide()
        if had_focus and self._window.centralWidget() is not None:
            self._window.centralWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _fill(self) -> None:
        """The rows as the actions are now, in type sized to the window (readable on a
        projector, not overflowing a 1024 x 768 one)."""
        while self._grid.count():
            item = self._grid.takeAt(0)
            item.widget().deleteLater()
        size = max(10.0, min(22.0, self._window.height() / 52))
        font = QFont(self.font())
        font.setPointSizeF(size)
        key_font = QFont(font)
        key_font.setBold(True)
        title_font = QFont(font)
        title_font.setPointSizeF(size * 1.4)
        title_font.setBold(True)
        self._title.setFont(title_font)
        self._footer.setFont(font)
        for index, (name, keys) in enumerate(self.rows):
            column, row = divmod(index, ROWS_PER_COLUMN)
            key_label, name_label = QLabel(keys), QLabel(name)
            key_label.setFont(key_font)
            name_label.setFont(font)
            key_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._grid.addWidget(key_label, row, 2 * column)
            self._grid.addWidget(name_label, row, 2 * column + 1)
        self._panel.setStyleSheet(
            "#CheatSheetPanel { background: palette(window); border-radius: 10px;"
            " border: 1px solid palette(mid); }")

    def _place_panel(self) -> None:
        self._panel.setMaximumWidth(max(300, self.width() - 40))
        self._footer.setMaximumWidth(max(260, min(self.width() - 100, 900)))
        self._panel.adjustSize()
        hint = self._panel.sizeHint()
        width, height = min(hint.width(), self.width() - 40), min(hint.height(), self.height() - 40)
        self._panel.setGeometry((self.width() - width) // 2, (self.height() - height) // 2,
                                width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._window and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self._window.rect())
            self._place_panel()
        return False

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 150))
        painter.end()

    def event(self, event: QEvent) -> bool:
        # Esc is the sheet's while it is open, also in presenter mode, where it is Leave
        # Presenter Mode's shortcut too: claimed here, the key press comes to keyPressEvent.
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.close_sheet()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.close_sheet()
