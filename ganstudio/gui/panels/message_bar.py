"""A dismissable one-line message across the top of the window: errors show here instead of
in a modal box, so training state and the plots stay visible and nothing blocks. An `info`
message (a ladder rung's explanation) wears the caption style, not the error red."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from ganstudio.gui.theme import DARK, Theme


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(self.label.textInteractionFlags()
                                           | self.label.textInteractionFlags().TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.theme, self.info = DARK, False
        self.hide()

    def show_message(self, text: str, info: bool = False) -> None:
        self.label.setText(text)
        if info != self.info:
            self.info = info
            self.apply_theme(self.theme)
        self.show()

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        if self.info:   # as the scenario caption (panels/scenario_caption.py)
            self.setStyleSheet(f"#MessageBar {{ background: {theme.alternate_base};"
                               f" border-left: 4px solid {theme.highlight}; border-radius: 4px; }}")
        else:
            self.setStyleSheet(f"#MessageBar {{ background: {theme.message_background};"
                               f" border-radius: 4px; }}")
