"""Keeps the window's drawing from slowing training down.

On a 2-core laptop, every millisecond the GUI thread spends drawing is taken from NumPy's
threads and from the training thread's share of the GIL. So at full speed the window measures
what each refresh costs (its update code plus the paints that follow) and spaces refreshes so
drawing takes about `share` of the time: ~30 refreshes a second when drawing is cheap, fewer
on a slow machine, never fewer than 4."""

from __future__ import annotations

import time


class PaintMeter:
    """Collects the time the window's views spend painting (they report it themselves)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def add(self, seconds: float) -> None:
        self.seconds += seconds

    def take(self) -> float:
        seconds, self.seconds = self.seconds, 0.0
        return seconds


paint_meter = PaintMeter()   # the GUI thread's one meter; views add, the budget takes


class timed_paint:
    """`with timed_paint(): ...` around a paintEvent body."""

    def __enter__(self) -> None:
        self._start = time.perf_counter()

    def __exit__(self, *exc) -> None:
        paint_meter.add(time.perf_counter() - self._start)


class RefreshBudget:
    def __init__(self, share: float = 0.03, fastest: float = 1 / 30, slowest: float = 0.25) -> None:
        self.share, self.fastest, self.slowest = share, fastest, slowest
        self._cost = 0.0          # smoothed seconds of GUI work per refresh

    def record(self, update_seconds: float) -> None:
        """Call once per refresh with the update code's time; paints since are added."""
        cost = update_seconds + paint_meter.take()
        self._cost = cost if self._cost == 0.0 else 0.8 * self._cost + 0.2 * cost

    def interval(self, full_speed: bool) -> float:
        """Seconds to leave between refreshes. Paced (slow) training leaves the CPU idle,
        so there the view simply refreshes as often as it may."""
        if not full_speed:
            return self.fastest
        return min(self.slowest, max(self.fastest, self._cost / self.share))
