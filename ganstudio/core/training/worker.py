"""Steers a session's training from another thread: pause, resume, step an iteration or a
stage, stop, pace, learning rates, images on request.

The pattern of superqt's GeneratorWorker, without Qt: `records()` turns the session's loop one
step at a time (`session.step`) and obeys commands only between its records, so training code never sees a
command and a command never sees half an iteration. Any thread may send commands; one thread
iterates `records()` (the window's QThread). Nothing is yielded while the lock is held, so the
consumer may send commands while handling a record.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

from ganstudio.core.training.session import (
    Diverged,
    Progress,
    RateClock,
    TrainingSession,
    check_learning_rate,
)
from ganstudio.core.training.stage_report import run_reported_stage
from ganstudio.core.training.stopping import DIVERGED, STOPPED, StopReason

# What the worker does next, decided under the lock, done outside it.
STOP, ANNOUNCE_PAUSE, STAGE, ITERATION, RUN = "stop", "announce pause", "stage", "iteration", "run"


class TrainingWorker:
    def __init__(self, session: TrainingSession,
                 turn: Callable[[], AbstractContextManager] | None = None) -> None:
        """`turn`: held around each step's computing, where runs share a core by turns
        (core/training/paired_runs.py); never while a record is yielded."""
        self.session = session
        self._turn = turn or nullcontext
        self._cond = threading.Condition()
        self._paused = False
        self._stop = False
        self._steps = 0            # whole iterations to run while paused
        self._stage_steps = 0      # single stages to run while paused
        self._want_samples = False
        self._interval = 0.0       # seconds between iterations; 0 = as fast as possible
        self._changes: list = []   # settings to apply between records
        self._running = False      # records() is open: changes wait for it
        self._pause_seen = False   # the consumer has had a record that says "paused"
        self._rate = 0.0           # the last measured speed, for the worker's own records

    # ------------------------------------------------------------------ commands (thread-safe)
    def pause(self) -> None:
        self._set(_paused=True)

    def resume(self) -> None:
        self._set(_paused=False)

    def step_once(self) -> None:
        with self._cond:
            self._paused, self._steps = True, self._steps + 1
            self._cond.notify_all()

    def step_stage(self) -> None:
        with self._cond:
            self._paused, self._stage_steps = True, self._stage_steps + 1
            self._cond.notify_all()

    def stop(self) -> None:
        """Ends the open records() after the current iteration, with a "stopped" record; with
        none open there is nothing to stop (a stop must not end the next run)."""
        with self._cond:
            self._stop = self._running
            self._cond.notify_all()

    def request_samples(self) -> None:
        self._set(_want_samples=True)

    def between_records(self, call) -> None:
        """Runs `call()` where the session holds still: in the training thread between two
        records of an open run, or at once when none is open. For reading the session (copies
        of weights, images of given noise) without stopping training."""
        self._change(call)

    def set_interval(self, seconds: float) -> None:
        self._set(_interval=max(0.0, seconds))

    def set_learning_rate(self, which: str, value: float) -> None:
        check_learning_rate(which, value)   # a bad value is refused now, in the caller's thread
        self._change(lambda: self.session.set_learning_rate(which, value))

    def set_run_settings(self, **changes) -> None:
        self.session.run_settings_config(changes)   # refused now if a key may not change live
        self._change(lambda: self.session.set_run_settings(**changes))

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def interval(self) -> float:
        return self._interval

    def _set(self, **fields) -> None:
        with self._cond:
            for name, value in fields.items():
                setattr(self, name, value)
            self._cond.notify_all()

    def _change(self, apply) -> None:
        """Applies a setting at once when no records() is open, else between two records."""
        with self._cond:
            if self._running:
                self._changes.append(apply)
                self._cond.notify_all()
                return
        apply()

    # ------------------------------------------------------------------ the driver
    def records(self):
        """Opens a run and returns its records; a stop sent from now on ends it, even one sent
        before the first record is asked for."""
        with self._cond:
            self._running = True
        return self._records()

    def _records(self):
        clock = None   # measures the speed while training runs freely
        try:
            while True:
                order = self._next_order()
                if order != RUN:   # a fresh clock afterwards: the speed leaves the pause out
                    clock = None
                if order == STOP:
                    yield self._record(finished=True, reason=StopReason(STOPPED))
                    return
                if order == ANNOUNCE_PAUSE:
                    yield self._record(paused=True)
                    continue
                with self._turn():
                    if order == STAGE:
                        progress = self._run_stage()
                    else:
                        clock = clock or RateClock(self.session.iteration)
                        progress = self._dressed(self.session.step(clock))
                if progress.paused:
                    clock = None
                yield progress
                if progress.finished:
                    return
                if order == RUN:
                    self._pace()
        finally:
            with self._cond:
                self._running = self._stop = False
                changes, self._changes = self._changes, []
            for apply in changes:
                apply()

    def _next_order(self) -> str:
        """Applies the settings sent since the last record, then says what to do next; sleeps
        while paused with nothing to do."""
        while True:
            with self._cond:
                changes, self._changes = self._changes, []
                if not changes:
                    order = self._order()
                    if order is not None:
                        return order
                    self._cond.wait()
                    continue
            for apply in changes:   # outside the lock: the consumer may be waiting for it
                apply()

    def _order(self) -> str | None:
        if self._stop:
            self._stop = False
            return STOP
        if not self._paused:
            self._pause_seen = False
            return RUN
        if self._steps or self._stage_steps:
            self._pause_seen = True   # a stepped record says "paused" itself
            if self._steps:
                self._steps -= 1
                return ITERATION
            self._stage_steps -= 1
            return STAGE
        if self._pause_seen:
            return None
        self._pause_seen = True   # tell the consumer once that the loop has seen the pause
        return ANNOUNCE_PAUSE

    def _run_stage(self) -> Progress:
        if self.session.is_finished:   # nothing left to step: the loop's own last record
            return self._dressed(self.session.step(RateClock(self.session.iteration)))
        try:
            report = run_reported_stage(self.session)   # only a stepped stage pays for one
        except Diverged as diverged:
            return self._diverged(diverged.reason)
        return self._record(paused=True, with_samples=self.session.stage_index == 0,
                            stage_report=report)

    def _dressed(self, progress: Progress) -> Progress:
        """The loop's record with what the consumer asked for: images, and "paused" while
        stepping."""
        self._rate = progress.steps_per_sec
        if progress.stop_reason is not None and progress.stop_reason.code == DIVERGED:
            return self._diverged(progress.stop_reason)
        with self._cond:
            paused = self._paused
            want, self._want_samples = self._want_samples, False
        if progress.finished or not (want or paused):
            return progress
        return self._record(paused=paused)

    def _diverged(self, reason: StopReason) -> Progress:
        """A divergence pauses rather than finishes: the user may lower a rate and go on."""
        with self._cond:
            self._paused = self._pause_seen = True
        return self._record(paused=True, reason=reason)

    def _record(self, with_samples: bool = True, **kwargs) -> Progress:
        return self.session.progress(self._rate, with_samples=with_samples, **kwargs)

    def _pace(self) -> None:
        """A slow demo speed: wait between iterations, but wake at once for a stop, a pause or
        a new speed (not for a request for images, which comes with every refresh)."""
        began = time.monotonic()
        with self._cond:
            while not (self._stop or self._paused):
                remaining = began + self._interval - time.monotonic()
                if remaining <= 0:
                    return
                self._cond.wait(remaining)

