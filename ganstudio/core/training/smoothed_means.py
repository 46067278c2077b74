"""The smoothed D means: the one number the equilibrium plot draws and the status bar prints.

One iteration's D(real) is the mean over one batch (32 images in the fast preset) and jumps
by ±0.1 from one iteration to the next; the plot used to draw those raw values and the status
bar printed the latest one, so the audience saw 0.27 beside a curve at 0.5. Both now show the
mean of the last SPAN iterations."""

from __future__ import annotations

import numpy as np

SPAN = 50   # iterations per smoothed mean: 1,600 images in the fast preset, ±0.01 or so


def trailing_means(iterations: np.ndarray, values: np.ndarray,
                   span: int = SPAN) -> tuple[np.ndarray, np.ndarray]:
    """For each row, the mean of `values` over the last `span` iterations up to it, and how many
    iterations that mean covers. A row of a long run's history may be the mean of several old
    iterations (core/training/metric_history.py's bins): it counts as that many; a bin reaching back past the
    window counts whole. Values that are not finite are left out (NaN when none is left)."""
    iterations = np.asarray(iterations, dtype=np.float64)
    values = np.asarray(values, dtype=np.float64)
    if not len(iterations):
        return np.zeros(0), np.zeros(0)
    weights = np.diff(iterations, prepend=0.0)   # the iterations each row stands for
    finite = np.isfinite(values)
    weights = np.where(finite, weights, 0.0)
    sums = np.concatenate(([0.0], np.cumsum(np.where(finite, values, 0.0) * weights)))
    counts = np.concatenate(([0.0], np.cumsum(weights)))
    first = np.searchsorted(iterations, iterations - span, side="right")
    window_sums, window_counts = sums[1:] - sums[first], counts[1:] - counts[first]
    means = np.divide(window_sums, window_counts, out=np.full(len(values), np.nan),
                      where=window_counts > 0)
    return means, window_counts


def latest_means(history) -> tuple[float, float, int] | None:
    """The newest smoothed D(real), D(fake) and the iterations they cover, from a MetricHistory;
    None before the first finished iteration. The same numbers the plot's curves end on."""
    # Only the last SPAN rows can be in the newest window (a row is at least one iteration);
    # the row before them tells how many iterations the first of them stands for.
    tail = slice(-(SPAN + 1), None)
    iterations = history["iteration"][tail]
    if not len(iterations):
        return None
    real, counted = trailing_means(iterations, history["d_real"][tail])
    fake, _ = trailing_means(iterations, history["d_fake"][tail])
    return float(real[-1]), float(fake[-1]), int(counted[-1])
