"""Two runs side by side (compare mode, issue 22 part 2): two sessions watched through the same
fixed noise, and, on a machine with one core, turns that share it fairly.

The same fixed noise: both sessions draw their fixed batch from one seeded stream (the first
run's seed), so where the two setups feed G the same kind of noise (the same width and
distribution: two settings of one preset, a scenario and its variant) the grids show the same
100 noise vectors, and each digit of one grid is the other grid's digit for the same input.
Where they do not (the 2014 demo takes 100 numbers in [0, 1], today's recipe 10 normal ones)
the streams are the same but the vectors cannot be, and `same_noise` says so.

One core: each run keeps its own worker and thread (a paused or diverged run must not hold the
other up), and `FairTurns` lets one compute at a time, the next turn going to the run that has
had less time: the split a second core would have given, at half the speed each.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass

from ganstudio.core.config.settings import GANConfig
from ganstudio.core.training.session import TrainingSession

# A run that has asked for no turn for this long was paused or stepping: it comes back level
# with the other, not owed the time it did not use (it would otherwise hold the core until it
# had caught up).
IDLE_GAP = 0.25


@dataclass(frozen=True)
class RunSetup:
    """One side of a comparison: what to train, on which data, how fast."""
    label: str                       # how the window names the run (its chooser, the legend)
    config: GANConfig
    data: str = "bundled"            # a dataset spec (core/data/opener.py)
    digits: tuple[int, ...] | None = None
    speed: float | None = None       # iterations a second; None: as fast as it goes


def same_noise(a: GANConfig, b: GANConfig) -> bool:
    """Whether two setups' G take the same kind of noise, so that one seeded stream gives
    them the same vectors (a cluster column, drawn after them, does not change them)."""
    return (a.noise_dim, a.noise, a.dtype, a.sample_count) == (b.noise_dim, b.noise, b.dtype, b.sample_count)


def paired_sessions(configs: Sequence[GANConfig], datasets: Sequence) -> tuple[TrainingSession, TrainingSession]:
    """Two sessions whose fixed batches come from the same stream, the first config's seed;
    each trains from its own seed, exactly as it would alone."""
    noise_seed = configs[0].seed
    left, right = (TrainingSession(config, dataset, fixed_noise_seed=noise_seed)
                   for config, dataset in zip(configs, datasets, strict=True))
    return left, right


def takes_turns(cores: int) -> bool:
    """Two runs share one core by turns; from two cores on, each has its own."""
    return cores < 2


class FairTurns:
    """One computing at a time among `runs` threads, the next turn to the waiting run that has
    used the least time (what equal shares of one core mean); `clock` is injectable for tests."""

    def __init__(self, runs: int = 2, clock: Callable[[], float] = time.perf_counter) -> None:
        self.used = [0.0] * runs       # seconds of turns each run has had
        self._clock = clock
        self._cond = threading.Condition()
        self._waiting: set[int] = set()
        self._busy: int | None = None
        self._left_at: list[float | None] = [None] * runs   # when each run's last turn ended

    def for_run(self, run: int) -> Callable[[], AbstractContextManager]:
        """What a run's worker calls around each step (TrainingWorker's `turn`)."""
        return lambda: self.turn(run)

    @contextmanager
    def turn(self, run: int) -> Iterator[None]:
        with self._cond:
            self._come_back_level(run)
            self._waiting.add(run)
            while self._busy is not None or self.next_run(self._waiting) != run:
                self._cond.wait()
            self._waiting.discard(run)
            self._busy = run
        began = self._clock()
        try:
            yield
        finally:
            with self._cond:
                now = self._clock()
                self.used[run] += now - began
                self._left_at[run] = now
                self._busy = None
                self._cond.notify_all()

    def next_run(self, waiting) -> int:
        """Of the runs waiting for a turn, the one that goes next: the one that has had the
        least time (the lower number on a tie)."""
        return min(waiting, key=lambda other: (self.used[other], other))

    def _come_back_level(self, run: int) -> None:
        left_at = self._left_at[run]
        if left_at is None or self._clock() - left_at > IDLE_GAP:
            others = [used for other, used in enumerate(self.used) if other != run]
            if others:
                self.used[run] = max(self.used[run], min(others))
