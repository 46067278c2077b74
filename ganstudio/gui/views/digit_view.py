"""A grid of digits: one grey-scale QImage over a numpy mosaic, scaled to fit.

A plain QWidget rather than a pyqtgraph view: the grid refreshes many times a second while
training runs, and one drawImage call costs a fraction of a scene repaint."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from ganstudio.core.formats.run_outputs import tile_digits


class DigitView(QWidget):
    def __init__(self, rows: int, cols: int, parent=None) -> None:
        super().__init__(parent)
        self.rows, self.cols = rows, cols
        self._background = QColor("black")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)   # paintEvent fills every pixel
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # display only: arrows belong to Step
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.set_digits(np.zeros((0, 28, 28), np.uint8))

    def setBackground(self, color) -> None:   # noqa: N802 (the name pyqtgraph's views use)
        self._background = QColor(color)
        self.update()

    def set_digits(self, images: np.ndarray) -> None:
        """`images`: uint8 (n, 28, 28). The QImage shares the memory of `_pixels`, so both are
        fresh arrays each time and never written afterwards."""
        self.digits = images   # what the grid shows, to show it again (the timeline's slider)
        self.mosaic = tile_digits(images, self.rows, self.cols)
        height, width = self.mosaic.shape
        # Opaque 32-bit grey: the raster engine's native format, which scales in half the
        # time 8-bit grey does.
        self._pixels = np.uint32(0xFF000000) | self.mosaic.astype(np.uint32) * np.uint32(0x010101)
        self._image = QImage(self._pixels.data, width, height, 4 * width, QImage.Format.Format_RGB32)
        self.update()

    def image_height_for_width(self, width: float) -> float:
        """How tall the mosaic is drawn when `width` limits it."""
        height, mosaic_width = self.mosaic.shape
        return width * height / mosaic_width

    def image_rect(self) -> QRectF:
        """Where the mosaic is drawn: as large as fits, aspect kept, centred across and at the
        top, right under its title (and level with the view beside it)."""
        height, width = self.mosaic.shape
        scale = min(self.width() / width, self.height() / height)
        w, h = width * scale, height * scale
        return QRectF((self.width() - w) / 2, 0.0, w, h)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._background)
        # Bilinear: at the odd scales a resizable window gives, nearest-neighbour would
        # draw some pixel rows twice as thick as others.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(self.image_rect(), self._image)
        painter.end()
