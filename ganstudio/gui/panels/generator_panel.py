"""Inside the generator. For a one-layer G (the classic `seed` preset: the "first network"
100→784), its weights as a 10×10 grid of images: what each noise dimension paints. For deeper
generators, a latent walk: a row of digits drawn from noise between two noise vectors, a new
pair on a button, animated on request. The window part that fills it is
gui/window/network_probes.py."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ganstudio.gui.views.digit_view import DigitView

WALK_LENGTH = 10


class _FittedDigits(DigitView):
    """As tall as its digits are at its width, so the captions and buttons stay beside them."""

    def __init__(self, rows: int, cols: int) -> None:
        super().__init__(rows, cols)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return round(width * self.rows / self.cols)


class GeneratorPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The weights.
        self.weights = _FittedDigits(10, 10)
        self.weights.setMinimumSize(140, 140)
        self.weights_caption = QLabel(self.tr(
            "G's weights: one image per noise dimension, what it adds to every pixel "
            "(white: ink, black: less ink, grey: nothing)."))
        weights_page = self._page(self.weights_caption, self.weights)
        # The walk.
        self.walk = _FittedDigits(1, WALK_LENGTH)
        self.walk.setMinimumHeight(40)
        self.walk_caption = QLabel(self.tr(
            "A walk between two noise vectors: G's digits as its noise moves from one to the other."))
        self.new_pair = QPushButton(self.tr("New Pair"))
        self.animate = QPushButton(self.tr("Animate"))
        self.animate.setCheckable(True)
        self.animate.setToolTip(self.tr("Keep walking: both ends glide on to new noise"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_pair)
        buttons.addWidget(self.animate)
        buttons.addStretch(1)
        walk_page = self._page(self.walk_caption, self.walk, buttons)
        self.pages = QStackedWidget()
        self.pages.addWidget(weights_page)
        self.pages.addWidget(walk_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    @staticmethod
    def _page(caption: QLabel, view: DigitView, buttons=None) -> QWidget:
        caption.setWordWrap(True)
        caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(caption)
        layout.addWidget(view)
        if buttons is not None:
            layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    @property
    def shows_weights(self) -> bool:
        return self.pages.currentIndex() == 0

    def show_weights_page(self, weights: bool) -> None:
        """The weight grid (one-layer G) or the walk (deeper G)."""
        self.pages.setCurrentIndex(0 if weights else 1)
        if weights:
            self.animate.setChecked(False)

    def show_weights(self, images: np.ndarray) -> None:
        self.weights.set_digits(images)

    def show_walk(self, images: np.ndarray) -> None:
        self.walk.set_digits(images)

    def clear(self) -> None:
        empty = np.zeros((0, 28, 28), np.uint8)
        self.weights.set_digits(empty)
        self.walk.set_digits(empty)
