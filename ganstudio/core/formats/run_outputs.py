"""Files a run leaves behind: a mosaic PNG of digits and the metric history as CSV.
Shared by the command line and the window."""

from __future__ import annotations

import csv

import numpy as np

from ganstudio.core.files.atomic import written

GAP = 2  # background pixels between digits, so neighbouring strokes never touch


def tile_digits(images: np.ndarray, rows: int, cols: int, gap: int = GAP) -> np.ndarray:
    """A fresh uint8 (rows·(28+gap)−gap, cols·(28+gap)−gap) mosaic; missing cells stay black."""
    count, height, width = images.shape
    cells = rows * cols
    # One padded cell per digit, then a reshape lays them out: no Python loop over digits.
    padded = np.zeros((cells, height + gap, width + gap), dtype=np.uint8)
    padded[:min(count, cells), :height, :width] = images[:cells]
    out = padded.reshape(rows, cols, height + gap, width + gap).transpose(0, 2, 1, 3)
    out = out.reshape(rows * (height + gap), cols * (width + gap))
    return np.ascontiguousarray(out[:out.shape[0] - gap, :out.shape[1] - gap])


def save_png(image: np.ndarray, path) -> None:
    """To a path, or to an open file (atomic.written)."""
    from PIL import Image

    with written(path) as handle:
        mode = "RGB" if np.ndim(image) == 3 else "L"   # (h, w, 3) colour, or (h, w) grey
        Image.fromarray(np.ascontiguousarray(image, dtype=np.uint8), mode=mode).save(handle, format="PNG")


def write_metrics_csv(history, path) -> None:
    """One row per history row: a MetricHistory (core/training/metric_history.py), whose rows are single
    iterations for the recent part and, further back, bin means labelled with each bin's last
    iteration; or any mapping of column name -> equal-length sequence."""
    columns = list(history)
    with written(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in zip(*(history[c] for c in columns)):
            writer.writerow([int(v) if c == "iteration" else f"{float(v):.6g}" for c, v in zip(columns, row)])
