"""Digits laid out as one image: the view, the PNG export and the real-digit strip share it."""

from __future__ import annotations

import numpy as np

GAP = 2  # pixels of background between digits, so neighbouring strokes never touch


def tile_digits(images: np.ndarray, rows: int, cols: int, gap: int = GAP) -> np.ndarray:
    """A fresh uint8 (rows*(28+gap)-gap, cols*(28+gap)-gap) mosaic; missing cells stay black."""
    count, height, width = images.shape
    out = np.zeros((rows * (height + gap) - gap, cols * (width + gap) - gap), dtype=np.uint8)
    for index in range(min(count, rows * cols)):
        r, c = divmod(index, cols)
        top, left = r * (height + gap), c * (width + gap)
        out[top:top + height, left:left + width] = images[index]
    return out
