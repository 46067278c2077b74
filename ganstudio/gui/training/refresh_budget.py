"""Keeps the window's drawing from slowing training down.

On a 2-core laptop, every millisecond the GUI thread spends drawing is taken from NumPy's
threads and from the training thread's share of the GIL. So at full speed the window measures
what each refresh costs (its update code plus the paints that follow) and spaces refreshes so
drawing takes about `share` of the time. Costs are the GUI thread's CPU time, not wall time:
while training holds the GIL a paint waits, and waiting takes nothing from training.

The window refreshes in two tiers with a budget each: the digit grid and status line are cheap
and refresh often (up to ~30 times a second); the plots cost several milliseconds a paint, and
refresh as often as their own, separate share allows (a few times a second)."""

from __future__ import annotations

import time


class PaintMeter:
    """Collects the time a tier's views spend painting (they report it themselves)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def add(self, seconds: float) -> None:
        self.seconds += seconds

    def take(self) -> float:
        seconds, self.seconds = self.seconds, 0.0
        return seconds


# The GUI thread's two meters: views add, the budgets take.
frame_paint_meter = PaintMeter()   # the digit grid and other cheap, frequent views
plot_paint_meter = PaintMeter()    # the pyqtgraph plots


class timed_paint:
    """`with timed_paint(meter): ...` around a paintEvent body."""

    def __init__(self, meter: PaintMeter) -> None:
        self._meter = meter

    def __enter__(self) -> None:
        self._start = time.thread_time()

    def __exit__(self, *exc) -> None:
        self._meter.add(time.thread_time() - self._start)


class RefreshBudget:
    def __init__(self, meter: PaintMeter, share: float, fastest: float = 1 / 30,
                 slowest: float = 0.25) -> None:
        self.meter, self.share, self.fastest, self.slowest = meter, share, fastest, slowest
        self._cost = 0.0          # smoothed seconds of GUI work per refresh

    def record(self, update_seconds: float) -> None:
        """Call once per refresh with the update code's CPU time (time.thread_time());
        paints since are added."""
        cost = update_seconds + self.meter.take()
        self._cost = cost if self._cost == 0.0 else 0.8 * self._cost + 0.2 * cost

    def interval(self, full_speed: bool) -> float:
        """Seconds to leave between refreshes. Paced (slow) training leaves the CPU idle,
        so there the view simply refreshes as often as it may."""
        if not full_speed:
            return self.fastest
        return min(self.slowest, max(self.fastest, self._cost / self.share))


class GuiLoad:
    """Everything the GUI thread does, metered or not (labels, layouts, the backing store, the
    quality chart), as a share of wall time over about a second. While the share is above
    `target`, `factor` stretches both tiers' intervals until it is not; it returns to 1 when
    the window has little to do."""

    def __init__(self, target: float = 0.02, window: float = 1.0, most: float = 4.0) -> None:
        self.target, self.window, self.most = target, window, most
        self.factor = 1.0
        self.share = 0.0
        self._mark: tuple[float, float] | None = None

    def sample(self) -> None:
        """Call on the GUI thread, as often as convenient (every refresh)."""
        now, cpu = time.monotonic(), time.thread_time()
        if self._mark is None or now - self._mark[0] > 5 * self.window:   # after a long idle
            self._mark = (now, cpu)
            return
        elapsed = now - self._mark[0]
        if elapsed < self.window:
            return
        self.share = (cpu - self._mark[1]) / elapsed
        self._mark = (now, cpu)
        self.factor = min(self.most, max(1.0, self.factor * self.share / self.target))
