"""A label that keeps room for its widest text in whatever font it has now, so its neighbours do
not jump as the text changes, and the room follows a zoom both ways (a width measured once, at
construction, stayed 300 % wide after zooming back to 100 %, and 100 % wide at 300 %)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QWidget


class WidestTextLabel(QLabel):
    def __init__(self, widest: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widest = widest

    def _reserved(self, hint: QSize) -> QSize:
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._widest) + margins.left() + margins.right()
        return QSize(max(hint.width(), width), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._reserved(super().sizeHint())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._reserved(super().minimumSizeHint())
