"""Every logged iteration's numbers, kept for the plots and the CSV export."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np

from ganstudio.core.export import write_metrics_csv
from ganstudio.core.training import HISTORY_KEYS as COLUMNS  # the session's own history


class MetricHistory:
    """Column arrays that grow by doubling, so appending stays cheap for long runs."""

    def __init__(self) -> None:
        self._data = np.zeros((len(COLUMNS), 1024), dtype=np.float64)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def clear(self) -> None:
        self._size = 0

    def load(self, columns: dict) -> None:
        """Replaces the contents with a session's history (a dict of equal-length lists)."""
        self.clear()
        count = len(columns.get("iteration", ()))
        self._grow(count)
        for row, name in enumerate(COLUMNS):
            self._data[row, :count] = columns[name][:count]
        self._size = count

    def extend(self, progresses: Iterable) -> None:
        """Appends each record of a new iteration; repeats (a paused or stopped record of an
        iteration already logged) and iteration 0 (nothing trained yet) are skipped."""
        last = self._data[0, self._size - 1] if self._size else 0
        rows = []
        for p in progresses:
            if p.iteration > last:
                rows.append([float(getattr(p, name)) for name in COLUMNS])
                last = p.iteration
        if not rows:
            return
        needed = self._size + len(rows)
        self._grow(needed)
        self._data[:, self._size:needed] = np.asarray(rows, dtype=np.float64).T
        self._size = needed

    def _grow(self, needed: int) -> None:
        if needed > self._data.shape[1]:
            grown = np.zeros((len(COLUMNS), max(needed, 2 * self._data.shape[1])), np.float64)
            grown[:, : self._size] = self._data[:, : self._size]
            self._data = grown

    def column(self, name: str) -> np.ndarray:
        """A read-only view; valid until the next extend() or clear()."""
        view = self._data[COLUMNS.index(name), : self._size]
        view.flags.writeable = False
        return view

    def write_csv(self, path: str | Path) -> None:
        write_metrics_csv({name: self._data[row, : self._size] for row, name in enumerate(COLUMNS)},
                          path)
