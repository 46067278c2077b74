"""The metric history of a run, bounded however long the run: full detail for the recent
iterations, bin means further back.

The newest RECENT..RECENT+CHUNK iterations are kept exactly as logged (Python lists, so the
loop's append costs what a list append costs and the stopping rules read the last
`equilibrium_window` <= 1000 values exactly). Every CHUNK iterations the oldest CHUNK leave the
recent part and are folded into bins: means of `width` consecutive iterations, each labelled
with its last iteration. When there are more than MAX_BINS bins, neighbours merge pairwise and
new bins are twice as wide, so the bins always span the whole run in at most MAX_BINS points:
memory and checkpoint size are O(1) in the run's length, each append amortised O(1).

Why means and not every k-th point: a GAN's per-iteration numbers are noisy (one batch each),
and the plots already draw one *mean* per pixel column (pyqtgraph's "mean" downsampling). A bin
mean is what the plot would have shown for those iterations; a lone sample every k iterations
would draw the batch noise as if it were the trend.

A history reads like the dict of lists it replaces: `history["d_real"]` (values in order,
`len`, indexing, slicing), `len(history)`, iteration over column names; `column(name)` gives a
float64 array for the plots. Runs shorter than RECENT + CHUNK iterations are kept exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

COLUMNS = ("iteration", "d_real", "d_fake", "rounded_mean", "d_loss", "g_loss")
RECENT = 4096      # iterations always kept in full detail (the stopping rules read <= 1000)
CHUNK = 1024       # iterations folded into bins at a time
MAX_BINS = 4096    # bins never outnumber this: at most RECENT + CHUNK + MAX_BINS + 1 rows
MAX_ITERATION = 2 ** 53   # iterations are stored in float64: exact up to here
MAX_STATE_BYTES = len(COLUMNS) * (RECENT + CHUNK + MAX_BINS + 1) * 8   # any one array of state()
_VALUES = slice(1, None)  # the value columns (all but "iteration") in a (columns, n) array


class HistoryError(ValueError):
    """A saved history that cannot be a history (the checkpoint reader names the file)."""


class MetricHistory:
    def __init__(self) -> None:
        self._recent: list[list] = [[] for _ in COLUMNS]
        # Bins: value means, their last iteration (row 0) and how many iterations each holds.
        self._bins = np.zeros((len(COLUMNS), 0))
        self._weights = np.zeros(0, dtype=np.int64)
        self._width = 1                          # iterations in each new bin
        self._pending = np.zeros(len(COLUMNS))   # the bin being filled: last iteration, sums
        self._pending_count = 0
        self._old = self._bins                   # bins + the pending bin's mean, for reading

    # ------------------------------------------------------------------ writing
    def append(self, row: Sequence) -> None:
        """One iteration's numbers, in COLUMNS order (the iteration first)."""
        recent = self._recent
        for column, value in zip(recent, row):
            column.append(value)
        if len(recent[0]) >= RECENT + CHUNK:
            self._fold()

    def extend_records(self, records: Iterable) -> None:
        """Appends Progress records of new iterations; repeats (a paused or stopped record of
        an iteration already logged) and iteration 0 (nothing trained yet) are skipped."""
        last = self.last_iteration
        for p in records:
            if p.iteration > last:
                self.append([p.iteration if name == "iteration" else float(getattr(p, name))
                             for name in COLUMNS])
                last = p.iteration

    def extend_columns(self, columns: Mapping) -> None:
        """Appends a dict of equal-length sequences (an old checkpoint's lists, a test's data),
        in pieces, so a long input is thinned as it goes in."""
        data = [columns[name] for name in COLUMNS]
        data = [values.tolist() if isinstance(values, np.ndarray) else values for values in data]
        if len({len(values) for values in data}) > 1:
            raise HistoryError("the history's columns differ in length")
        count = len(data[0])
        for start in range(0, count, CHUNK):
            for column, values in zip(self._recent, data):
                column.extend(values[start:start + CHUNK])
            while len(self._recent[0]) >= RECENT + CHUNK:
                self._fold()

    def clear(self) -> None:
        self.__init__()

    def load(self, source) -> None:
        """Replaces the contents with a copy of another history or a dict of sequences."""
        if isinstance(source, MetricHistory):
            self._set_state(source.state())
        else:
            self.clear()
            self.extend_columns(source)

    def truncate(self, after_iteration: int) -> None:
        """Forgets every row past `after_iteration` (training went back to that iteration).
        A bin that reaches past it goes too, so the history may end a little earlier."""
        recent = self._recent
        keep = sum(1 for i in recent[0] if i <= after_iteration)   # iterations increase
        for column in recent:
            del column[keep:]
        if recent[0] or self._old.shape[1] == 0 or self._old[0, -1] <= after_iteration:
            return
        if self._pending_count and self._pending[0] > after_iteration:
            self._pending[:] = 0.0
            self._pending_count = 0
        kept = int(np.searchsorted(self._bins[0], after_iteration, side="right"))
        self._bins, self._weights = self._bins[:, :kept], self._weights[:kept]
        self._refresh_old()

    # ------------------------------------------------------------------ thinning
    def _fold(self) -> None:
        """Moves the oldest CHUNK recent rows into the bins."""
        rows = np.array([column[:CHUNK] for column in self._recent], dtype=np.float64)
        for column in self._recent:
            del column[:CHUNK]
        start, count = 0, rows.shape[1]
        if self._pending_count:   # top up the bin being filled first
            take = min(self._width - self._pending_count, count)
            self._add_to_pending(rows[:, :take])
            start = take
        full = (count - start) // self._width
        if full:
            end = start + full * self._width
            groups = rows[:, start:end].reshape(len(COLUMNS), full, self._width)
            bins = groups.mean(axis=2)
            bins[0] = groups[0, :, -1]
            self._push(bins, np.full(full, self._width, dtype=np.int64))
            start = end
        if start < count:
            self._add_to_pending(rows[:, start:])
        self._refresh_old()

    def _add_to_pending(self, rows: np.ndarray) -> None:
        self._pending[_VALUES] += rows[_VALUES].sum(axis=1)
        self._pending[0] = rows[0, -1]
        self._pending_count += rows.shape[1]
        if self._pending_count >= self._width:
            bin_ = self._pending.copy()
            bin_[_VALUES] /= self._pending_count
            self._push(bin_[:, None], np.array([self._pending_count], dtype=np.int64))
            self._pending[:] = 0.0
            self._pending_count = 0

    def _push(self, bins: np.ndarray, weights: np.ndarray) -> None:
        self._bins = np.concatenate((self._bins, bins), axis=1)
        self._weights = np.concatenate((self._weights, weights))
        while self._bins.shape[1] > MAX_BINS:
            self._merge_pairs()

    def _merge_pairs(self) -> None:
        """Neighbouring bins become one (weighted means), and new bins get twice as wide."""
        pairs = self._bins.shape[1] // 2
        left, right = self._bins[:, 0:2 * pairs:2], self._bins[:, 1:2 * pairs:2]
        w_left, w_right = self._weights[0:2 * pairs:2], self._weights[1:2 * pairs:2]
        merged = np.empty_like(left)
        merged[0] = right[0]
        merged[_VALUES] = (left[_VALUES] * w_left + right[_VALUES] * w_right) / (w_left + w_right)
        weights = w_left + w_right
        if self._bins.shape[1] % 2:   # an odd one out stays as it is, at the end
            merged = np.concatenate((merged, self._bins[:, -1:]), axis=1)
            weights = np.concatenate((weights, self._weights[-1:]))
        self._bins, self._weights = merged, weights
        self._width *= 2

    def _refresh_old(self) -> None:
        if self._pending_count:
            pending = self._pending.copy()
            pending[_VALUES] /= self._pending_count
            self._old = np.concatenate((self._bins, pending[:, None]), axis=1)
        else:
            self._old = self._bins

    # ------------------------------------------------------------------ reading
    def __len__(self) -> int:
        return self._old.shape[1] + len(self._recent[0])

    def __iter__(self):
        return iter(COLUMNS)

    def keys(self) -> tuple[str, ...]:
        return COLUMNS

    def __getitem__(self, name: str) -> Column:
        return Column(self, COLUMNS.index(name))

    def __eq__(self, other) -> bool:
        if isinstance(other, MetricHistory):
            other = {name: other[name] for name in COLUMNS}
        if not isinstance(other, Mapping) or set(other) != set(COLUMNS):
            return NotImplemented
        return all(self[name] == other[name] for name in COLUMNS)

    __hash__ = None

    @property
    def last_iteration(self) -> int:
        if self._recent[0]:
            return self._recent[0][-1]
        return int(self._old[0, -1]) if self._old.shape[1] else 0

    @property
    def thinned_rows(self) -> int:
        """Rows at the start that are bin means rather than single iterations."""
        return self._old.shape[1]

    def column(self, name: str) -> np.ndarray:
        """A fresh read-only float64 array of one column, for the plots."""
        row = COLUMNS.index(name)
        out = np.concatenate((self._old[row], np.asarray(self._recent[row], dtype=np.float64)))
        out.flags.writeable = False
        return out

    def to_lists(self) -> dict[str, list]:
        return {name: list(self[name]) for name in COLUMNS}

    # ------------------------------------------------------------------ saving
    def state(self) -> dict[str, np.ndarray]:
        """Everything needed to go on exactly, as a few arrays (a copy)."""
        return {"recent": np.array(self._recent, dtype=np.float64).reshape(len(COLUMNS), -1),
                "bins": self._bins.copy(), "weights": self._weights.copy(),
                "width": np.array(self._width, dtype=np.int64),
                "pending": self._pending.copy(),
                "pending_count": np.array(self._pending_count, dtype=np.int64)}

    @classmethod
    def from_state(cls, state) -> MetricHistory:
        """A history from state() arrays, or from the dict of lists older checkpoints hold;
        HistoryError (one line) for anything that cannot be a history."""
        history = cls()
        if not isinstance(state, Mapping):
            raise HistoryError(f"the history is a {type(state).__name__}, not a table")
        if "recent" in state:
            history._set_state(state)
        else:
            history.extend_columns(_checked_columns(state))
        return history

    def _set_state(self, state: Mapping) -> None:
        recent = _numeric(state, "recent", 2)
        bins = _numeric(state, "bins", 2)
        weights = _numeric(state, "weights", 1)
        pending = _numeric(state, "pending", 1)
        width, pending_count = (_whole(state, key) for key in ("width", "pending_count"))
        columns = len(COLUMNS)
        if recent.shape[0] != columns or bins.shape[0] != columns or pending.shape != (columns,):
            raise HistoryError(f"the history does not have the {columns} columns {', '.join(COLUMNS)}")
        if recent.shape[1] >= RECENT + CHUNK or bins.shape[1] > MAX_BINS:
            raise HistoryError(f"the history holds {recent.shape[1]:,} recent rows and "
                               f"{bins.shape[1]:,} bins, more than it can "
                               f"({RECENT + CHUNK - 1:,} and {MAX_BINS:,})")
        if weights.shape != (bins.shape[1],) or not (weights >= 1).all():
            raise HistoryError("the history's bin sizes do not match its bins")
        if not 1 <= width <= MAX_ITERATION or not 0 <= pending_count < width:
            raise HistoryError("the history's bin width is out of range")
        order = np.concatenate((bins[0], pending[:1] if pending_count else [], recent[0]))
        _check_iterations(order)
        self.__init__()
        self._recent = [recent[0].astype(np.int64).tolist()] + [row.tolist() for row in recent[1:]]
        self._bins, self._weights = bins.astype(np.float64), weights.astype(np.int64)
        self._width, self._pending_count = width, pending_count
        self._pending = pending.astype(np.float64)
        self._refresh_old()


class Column(Sequence):
    """One column of a history, read in place: the bins' means, then the recent values."""

    __slots__ = ("_history", "_row")

    def __init__(self, history: MetricHistory, row: int) -> None:
        self._history, self._row = history, row

    def __len__(self) -> int:
        return len(self._history)

    def __getitem__(self, index):
        old, recent = self._history._old, self._history._recent[self._row]
        split = old.shape[1]
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if start >= split and step == 1:   # the stopping rules' case: recent values only
                return recent[start - split:max(stop - split, 0)]
            return [self[i] for i in range(start, stop, step)]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("history index out of range")
        if index >= split:
            return recent[index - split]
        value = old[self._row, index]
        return int(value) if self._row == 0 else float(value)

    def __iter__(self):
        old = self._history._old[self._row]
        yield from (old.astype(np.int64) if self._row == 0 else old).tolist()
        yield from self._history._recent[self._row]

    def __eq__(self, other) -> bool:
        if not isinstance(other, Sequence | np.ndarray):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None

    def __repr__(self) -> str:
        return f"Column({COLUMNS[self._row]!r}, {len(self)} rows)"


def _numeric(state: Mapping, key: str, ndim: int) -> np.ndarray:
    value = state.get(key)
    if not isinstance(value, np.ndarray) or value.dtype.kind not in "fiu" or value.ndim != ndim:
        raise HistoryError(f"the history's {key!r} is not a {ndim}-D array of numbers")
    return value


def _whole(state: Mapping, key: str) -> int:
    value = state.get(key)
    if not isinstance(value, np.ndarray) or value.dtype.kind not in "iu" or value.shape != ():
        raise HistoryError(f"the history's {key!r} is not a whole number")
    return int(value)


def _check_iterations(iterations: np.ndarray) -> None:
    if not (np.isfinite(iterations).all() and (iterations >= 1).all() and (iterations <= MAX_ITERATION).all()
            and (iterations == np.round(iterations)).all() and (np.diff(iterations) > 0).all()):
        raise HistoryError("the history's iterations are not whole numbers that increase")


def _checked_columns(columns: Mapping) -> dict[str, list]:
    """The dict of lists older checkpoints hold, checked: every column, numbers only, equal
    lengths, iterations that increase."""
    missing = [name for name in COLUMNS if name not in columns]
    if missing:
        raise HistoryError(f"the history lacks the column {missing[0]!r}")
    lengths = set()
    for name in COLUMNS:
        values = columns[name]
        if not isinstance(values, list | tuple) or not all(
                isinstance(v, int | float) and not isinstance(v, bool) for v in values):
            raise HistoryError(f"the history's {name!r} is not a list of numbers")
        lengths.add(len(values))
    if len(lengths) > 1:
        raise HistoryError(f"the history's columns differ in length ({min(lengths)} to {max(lengths)})")
    _check_iterations(np.asarray(columns["iteration"], dtype=np.float64))
    return {name: list(columns[name]) for name in COLUMNS}
