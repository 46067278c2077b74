"""A grid of digits drawn as one pyqtgraph ImageItem (one texture upload per refresh)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from ganstudio.core.export import tile_digits
from ganstudio.gui.plotting import pg
from ganstudio.gui.refresh_budget import timed_paint


class DigitView(pg.GraphicsLayoutWidget):
    def __init__(self, rows: int, cols: int, parent=None) -> None:
        super().__init__(parent)
        self.rows, self.cols = rows, cols
        self.setBackground("k")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # display only: arrows belong to Step
        self.ci.layout.setContentsMargins(0, 0, 0, 0)
        self._view = self.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self._view.setMenuEnabled(False)
        self._image = pg.ImageItem()
        self._view.addItem(self._image)
        self.mosaic: np.ndarray = tile_digits(np.zeros((0, 28, 28), np.uint8), rows, cols)
        self._show(self.mosaic)

    def paintEvent(self, event) -> None:
        with timed_paint():
            super().paintEvent(event)

    def set_digits(self, images: np.ndarray) -> None:
        """`images`: uint8 (n, 28, 28). A fresh mosaic each time: ImageItem keeps a view of
        the array it is given, so it must never be one we overwrite later."""
        self._show(tile_digits(images, self.rows, self.cols))

    def _show(self, mosaic: np.ndarray) -> None:
        self.mosaic = mosaic
        self._image.setImage(mosaic, levels=(0, 255), autoLevels=False)
        self._view.setRange(xRange=(0, mosaic.shape[1]), yRange=(0, mosaic.shape[0]), padding=0)
