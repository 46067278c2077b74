"""Files a run leaves behind: a mosaic PNG of digits and the metric history as CSV.
Shared by the command line and the window."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

GAP = 2  # background pixels between digits, so neighbouring strokes never touch


def tile_digits(images: np.ndarray, rows: int, cols: int, gap: int = GAP) -> np.ndarray:
    """A fresh uint8 (rows·(28+gap)−gap, cols·(28+gap)−gap) mosaic; missing cells stay black."""
    count, height, width = images.shape
    out = np.zeros((rows * (height + gap) - gap, cols * (width + gap) - gap), dtype=np.uint8)
    for index in range(min(count, rows * cols)):
        r, c = divmod(index, cols)
        top, left = r * (height + gap), c * (width + gap)
        out[top:top + height, left:left + width] = images[index]
    return out


def save_png(image: np.ndarray, path: str | Path) -> None:
    from PIL import Image

    Image.fromarray(np.ascontiguousarray(image, dtype=np.uint8), mode="L").save(path)


def write_metrics_csv(history: dict, path: str | Path) -> None:
    """One row per logged iteration; `history` maps column name -> equal-length sequence."""
    columns = list(history)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in zip(*(history[c] for c in columns)):
            writer.writerow([int(v) if c == "iteration" else f"{float(v):.6g}" for c, v in zip(columns, row)])
