"""A 28×28 digit the user draws with the mouse, shown large. The pen and the pixels are
core/classroom/hand_drawing.py's; this widget turns mouse positions into canvas coordinates and paints."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ganstudio.core.classroom import hand_drawing as drawing


class DrawingCanvas(QWidget):
    changed = Signal()   # the drawing changed (a stroke, Clear, an opened picture)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = drawing.blank()
        self._last: tuple[float, float] | None = None   # the pen's last point while it is down
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)   # square: the answers sit right under it
        self.setSizePolicy(policy)
        self.setMinimumSize(140, 140)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Draw a digit with the mouse"))
        self._show()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(252, 252)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return width

    # ----- the drawing -----------------------------------------------------------------------
    def image(self) -> np.ndarray:
        """uint8 (28, 28): the drawing as a digit image."""
        return drawing.as_image(self.canvas)

    def clear(self) -> None:
        self.canvas = drawing.blank()
        self._show()

    def set_image(self, image: np.ndarray) -> None:
        """Shows a digit image (an opened picture); drawing goes on on top of it."""
        self.canvas = drawing.as_canvas(image)
        self._show()

    def is_blank(self) -> bool:
        return not self.canvas.any()

    def _show(self) -> None:
        self._pixels = np.uint32(0xFF000000) | self.image().astype(np.uint32) * np.uint32(0x010101)
        self._image = QImage(self._pixels.data, drawing.SIDE, drawing.SIDE, 4 * drawing.SIDE,
                             QImage.Format.Format_RGB32)
        self.update()
        self.changed.emit()

    # ----- the mouse -------------------------------------------------------------------------
    def square(self) -> QRectF:
        """Where the 28×28 pixels are drawn: the largest square that fits, centred."""
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def to_canvas(self, point: QPointF) -> tuple[float, float]:
        square = self.square()
        scale = drawing.SIDE / square.width()
        return ((point.x() - square.x()) * scale, (point.y() - square.y()) * scale)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self._last = self.to_canvas(event.position())
        self._ink(self._last)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._last is None:
            return super().mouseMoveEvent(event)
        self._ink(self.to_canvas(event.position()))

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._last = None

    def _ink(self, point: tuple[float, float]) -> None:
        drawing.stroke(self.canvas, self._last, point)
        self._last = point
        self._show()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        square = self.square()
        painter.drawImage(square, self._image)   # nearest: the pixels D sees, as they are
        painter.setPen(QPen(QColor(128, 128, 128), 1))
        painter.drawRect(square.adjusted(0, 0, -1, -1))
        painter.end()
