"""A dismissable one-line message across the top of the window: errors show here instead of
in a modal box, so training state and the plots stay visible and nothing blocks. An `info`
message (a ladder rung's explanation) wears the caption style, not the error red. An offer (the
autosave's "continue where you left off") is an info message with a button that acts on it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from ganstudio.gui.theme import DARK, Theme


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(self.label.textInteractionFlags()
                                           | self.label.textInteractionFlags().TextSelectableByMouse)
        self.offer = QPushButton()
        self.offer.hide()
        self.offer.clicked.connect(self._take_offer)
        self._act: Callable[[], None] | None = None
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.offer)
        layout.addWidget(close)
        self.theme, self.info = DARK, False
        self.hide()

    def show_message(self, text: str, info: bool = False) -> None:
        self.offer.hide()   # an offer lasts until the next message
        self._act = None
        self.label.setText(text)
        if info != self.info:
            self.info = info
            self.apply_theme(self.theme)
        self.show()

    def show_offer(self, text: str, button: str, act: Callable[[], None]) -> None:
        """`text` with a button labelled `button` that hides the bar and calls `act()`."""
        self.show_message(text, info=True)
        self.offer.setText(button)
        self._act = act
        self.offer.show()

    @property
    def offering(self) -> bool:
        return self.isVisible() and self._act is not None

    def _take_offer(self) -> None:
        act, self._act = self._act, None
        self.hide()
        if act is not None:
            act()

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        if self.info:   # as the scenario caption (panels/scenario_caption.py)
            self.setStyleSheet(f"#MessageBar {{ background: {theme.alternate_base};"
                               f" border-left: 4px solid {theme.highlight}; border-radius: 4px; }}")
        else:
            self.setStyleSheet(f"#MessageBar {{ background: {theme.message_background};"
                               f" border-radius: 4px; }}")
