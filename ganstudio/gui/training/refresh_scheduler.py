"""How often each part of the window redraws: one table, and the scheduler that keeps to it.

On a 2-core laptop every millisecond the GUI thread spends drawing is taken from training
(NumPy's threads, and the training thread's share of the GIL). So at full speed each view
redraws only as often as its share of the GUI thread's time allows, given what its redraws cost
(its update code plus its paints, in GUI-thread CPU time: a paint that waits for the GIL takes
nothing from training), between a least and a most rate. The whole GUI thread is measured too
(labels, layouts, copying the window to the screen): while it is above LOAD_TARGET of one core,
every budgeted interval is stretched. Paced, paused, stepped and finished runs leave the CPU
idle: there the views redraw at once. The grid's samples also cost the training thread (100
digits through G), so they are asked for only as often as the grid's `training_share` allows.

Qt-free and clock-injected, so tests decide what redraws from given costs and elapsed times."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import Enum


@dataclass(frozen=True)
class Cadence:
    gui_share: float            # at full speed, the share of the GUI thread its redraws may take
    most: float                 # redraws a second, at most
    least: float                # and at least, whatever they cost (the floor beats the share)
    news: str = "records"       # what brings it something new: "records" (every one) or "samples"
    training_share: float = 0.0  # > 0: it asks for G's samples, which may take this share of training
    at_once: bool = True        # paced, paused, stepped or finished runs redraw it with every record


# THE table. The shares add up to a little more than LOAD_TARGET (not every view redraws all
# the time; GuiLoad stretches them when the whole thread is above it). Presenter mode switches
# to PRESENTER_CADENCE below with `use()`.
CADENCE: Mapping[str, Cadence] = {
    # G's 100 digits: one drawImage, about a millisecond; up to 30 a second on a fast machine.
    "grid": Cadence(gui_share=0.01, most=30, least=1, news="samples", training_share=0.01),
    # The equilibrium and loss curves: 5-20 ms a redraw. At least once a second, as before the
    # table: the equilibrium curve is what the window is about (at 0.25 it moved every 4-5 s).
    "plots": Cadence(gui_share=0.015, most=30, least=1),
    # D's outputs, which come with the grid's samples.
    "histogram": Cadence(gui_share=0.005, most=10, least=0.25, news="samples"),
    # Numbers that change faster cannot be read, and each change costs a repaint of the bar.
    "status": Cadence(gui_share=0.002, most=4, least=4),
    # The class chart: judged off the GUI thread (the judge's CPU competes with training).
    "quality": Cadence(gui_share=0.003, most=2, least=0.25, news="samples"),
    # Draw for D and Inside G (gui/window/network_probes.py), only while their docks show: D's
    # and G's weights copied between records (a few hundred kB), a walk's 10 digits through G.
    "inside": Cadence(gui_share=0.003, most=4, least=0.5),
    # The map of digit space (gui/window/digit_map_window.py), only while its window shows: a map
    # costs the training thread ~16 ms (D over 576 decoded images and back through 100 fakes),
    # charged to it with the map's own paints. At most once a second; at full speed as its
    # share allows, and at least every 2 s (bench_gui.py --map measures what that costs).
    "map": Cadence(gui_share=0.02, most=1, least=0.5),
}

# Presenter mode (gui/window/presenter.py): in front of an audience motion matters more than a
# few per cent of training speed. The floors beat the shares: the digits animate at 25 a second
# or more, the curves move 10 times a second, D's verdicts follow the digits' samples. The floors
# are set above those rates: samples come one record after they are asked for (at records every
# 5 ms, a floor of 25 gave 22 a second).
PRESENTER_CADENCE: Mapping[str, Cadence] = {
    **CADENCE,
    "grid": replace(CADENCE["grid"], least=30, most=40),
    "plots": replace(CADENCE["plots"], least=12),
    "histogram": replace(CADENCE["histogram"], least=5),
}

LOAD_TARGET = 0.02   # the whole GUI thread, at full speed: 2 % of one core


class Pace(Enum):
    FULL = "full"        # training as fast as it can: views keep to their shares
    PACED = "paced"      # a demo speed: the CPU is idle, views redraw as often as `most` allows
    AT_REST = "at rest"  # paused, stepped, finished: every view shows the last record at once


class Clock:
    """Wall time and the GUI thread's CPU time; tests pass a fake one."""

    @staticmethod
    def now() -> float:
        return time.monotonic()

    @staticmethod
    def cpu() -> float:
        return time.thread_time()


class GuiLoad:
    """The GUI thread's whole CPU time as a share of wall time over about a second. While it is
    above `target`, `factor` stretches the budgeted intervals until it is not; it returns to 1
    when the window has little to do."""

    def __init__(self, target: float = LOAD_TARGET, window: float = 1.0, most: float = 4.0) -> None:
        self.target, self.window, self.most = target, window, most
        self.factor = 1.0
        self.share = 0.0
        self._mark: tuple[float, float] | None = None

    def sample(self, now: float, cpu: float) -> None:
        if self._mark is None or now - self._mark[0] > 5 * self.window:   # after a long idle
            self._mark = (now, cpu)
            return
        elapsed = now - self._mark[0]
        if elapsed < self.window:
            return
        self.share = (cpu - self._mark[1]) / elapsed
        self._mark = (now, cpu)
        self.factor = min(self.most, max(1.0, self.factor * self.share / self.target))


class _View:
    def __init__(self) -> None:
        self.redraws: list[Callable[[], None]] = []
        self.cost = 0.0          # smoothed GUI seconds per redraw (update code + paints)
        self.painted = 0.0       # paint seconds since the last redraw was charged
        self.last = float("-inf")
        self.stale = False       # something new to show
        self.count = 0           # redraws so far (the benchmark reads them)


class RefreshScheduler:
    def __init__(self, table: Mapping[str, Cadence] = CADENCE, clock=Clock) -> None:
        self.clock = clock
        self.load = GuiLoad()
        self.sample_cost = 0.0          # seconds the training thread takes to draw the samples
        self._samples_requested = False   # asked for, not yet arrived: mail may bring them
        self._last_request = float("-inf")
        self._views = {name: _View() for name in table}
        self.use(table)

    # ----- set-up ----------------------------------------------------------------------------
    def use(self, table: Mapping[str, Cadence]) -> None:
        """Switches to another table (a mode); what views cost is kept."""
        assert set(table) == set(self._views), "a table names every view"
        self.table = dict(table)

    def add_view(self, name: str, redraw: Callable[[], None]) -> None:
        self._views[name].redraws.append(redraw)

    def charge_paint(self, name: str, seconds: float) -> None:
        """A watched widget of view `name` painted (see paint_clock.py)."""
        self._views[name].painted += seconds

    def count(self, name: str) -> int:
        return self._views[name].count

    # ----- what arrived ----------------------------------------------------------------------
    def news(self, records: list) -> None:
        """Marks the views these records bring something new to."""
        with_samples = any(r.samples is not None for r in records)
        if with_samples:
            self._samples_requested = False
        for name, view in self._views.items():
            news = self.table[name].news
            view.stale |= news == "records" or (news == "samples" and with_samples)

    def forget(self) -> None:
        """A new session: nothing is waiting to be shown."""
        self._samples_requested = False
        for view in self._views.values():
            view.stale = False

    # ----- decisions --------------------------------------------------------------------------
    def interval(self, name: str, pace: Pace) -> float:
        """Seconds to leave between two redraws of a view."""
        c, view = self.table[name], self._views[name]
        if c.at_once and pace is not Pace.FULL:
            return 0.0 if pace is Pace.AT_REST else 1.0 / c.most
        budget = view.cost / c.gui_share * self.load.factor if c.gui_share else 0.0
        return min(1.0 / c.least, max(1.0 / c.most, budget))

    def sample_interval(self, name: str, pace: Pace) -> float:
        """Seconds to leave between two requests for samples by a view that asks for them."""
        c = self.table[name]
        if c.at_once and pace is not Pace.FULL:
            return 0.0
        return min(1.0 / c.least, max(1.0 / c.most, self.sample_cost / c.training_share))

    def _due_in(self, name: str, pace: Pace) -> float:
        return self._views[name].last + self.interval(name, pace) - self.clock.now()

    def _request_due_in(self, name: str, pace: Pace) -> float | None:
        """Seconds until view `name` should ask for samples, or None when it does not: it does
        not ask, or it still has samples to show. An unanswered request is made again after the
        view's longest interval: a request lost with a restarted loop must not stop the grid."""
        c = self.table[name]
        if c.training_share <= 0 or self._views[name].stale or pace is Pace.AT_REST:
            return None
        interval = self.sample_interval(name, pace)
        if self._samples_requested:
            interval = max(interval, 1.0 / c.least)
        return self._last_request + interval - self.clock.now()

    def wait(self, pace: Pace, mail: bool) -> float | None:
        """Seconds until the next redraw or sample request is due (0: now), or None when nothing
        waits. `mail`: records wait in the box, so views they may bring news to count."""
        waits = []
        for name, view in self._views.items():
            c = self.table[name]
            asked = c.training_share > 0 and self._samples_requested
            if view.stale or (mail and (c.news == "records" or asked)):
                waits.append(self._due_in(name, pace))
            request = self._request_due_in(name, pace)
            if request is not None:
                waits.append(request)
        return max(0.0, min(waits)) if waits else None

    def refresh(self, pace: Pace) -> list[str]:
        """Redraws every view that has news and is due; returns their names."""
        self.load.sample(self.clock.now(), self.clock.cpu())
        done = []
        for name, view in self._views.items():
            if view.stale and self._due_in(name, pace) <= 0:
                self._redraw(name, view)
                done.append(name)
        return done

    def _redraw(self, name: str, view: _View) -> None:
        view.stale = False
        view.last = self.clock.now()
        began = self.clock.cpu()
        for redraw in view.redraws:
            redraw()
        # The paints since the last redraw are the last one's: a close enough estimate.
        cost = self.clock.cpu() - began + view.painted
        view.painted = 0.0
        view.cost = cost if view.count == 0 else 0.8 * view.cost + 0.2 * cost
        view.count += 1

    def wants_samples(self, pace: Pace) -> bool:
        """True when a view that shows G's samples should ask for new ones now; the record that
        brings them is drawn at that view's next due time."""
        waits = (self._request_due_in(name, pace) for name in self._views)
        due = any(wait is not None and wait <= 0 for wait in waits)
        if due:
            self._samples_requested = True
            self._last_request = self.clock.now()
        return due
