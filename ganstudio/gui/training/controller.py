"""Owns the session, its worker and its training thread; turns button presses into the
worker's commands and the thread's records into updates for the window, as often as its
refresh scheduler says."""

from __future__ import annotations

from contextlib import contextmanager
from enum import Enum

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from ganstudio.core.training.metric_history import MetricHistory
from ganstudio.core.training.stopping import DIVERGED, STOPPED
from ganstudio.core.training.worker import TrainingWorker
from ganstudio.gui.training.mailbox import ProgressMailbox
from ganstudio.gui.training.paint_clock import PaintClock
from ganstudio.gui.training.refresh_scheduler import Pace, RefreshScheduler
from ganstudio.gui.training.stop_reason_text import divergence_message
from ganstudio.gui.training.thread import TrainingThread


class State(Enum):
    IDLE = "idle"            # a fresh session, nothing trained yet
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"    # the session's stopping rule ended training
    FAILED = "failed"        # the worker raised; the session keeps its last good state


def _ended_by_its_rule(progress) -> bool:
    """Finished by the iteration limit or a stopping rule, not by our own stop()."""
    return progress.finished and progress.stop_reason.code != STOPPED


def _divergence(records):
    """The record that reports a divergence (the worker pauses after it), if any."""
    return next((r for r in records if r.stop_reason is not None and r.stop_reason.code == DIVERGED),
                None)


def runaway_segment(history: MetricHistory, reason) -> dict:
    """What a rollback undoes, for the loss plot: each loss's (iterations, values) after the
    iteration the session went back to, ending with the loss that ran away at the failing
    iteration (that one never reaches the history: the session went back before logging it),
    and `restored`."""
    values, restored = reason.values, reason.values["restored"]
    x = history.column("iteration")
    after = x > restored
    segment = {"restored": restored}
    for name in ("d_loss", "g_loss"):
        xs, ys = x[after], history.column(name)[after]
        if values.get("criterion") == "loss" and values.get("name") == name:
            xs, ys = np.append(xs, values["failed_at"]), np.append(ys, values["value"])
        segment[name] = (xs, ys)
    return segment


class TrainingController(QObject):
    # The records since the last drain, oldest first, for views that keep data (no drawing:
    # views redraw when the scheduler calls them, see add_view).
    progress = Signal(list)
    state_changed = Signal(object)
    failed = Signal(str)
    session_replaced = Signal(object)

    def __init__(self, parent: QObject | None = None, turn=None) -> None:
        """`turn`: handed to every worker, where two runs share one core by turns
        (core/training/paired_runs.py, compare mode)."""
        super().__init__(parent)
        self._turn = turn
        self.session = None
        self.worker: TrainingWorker | None = None   # the session's commands go through it
        self.state = State.IDLE
        self.history = MetricHistory()
        # The losses of the iterations a divergence undid (runaway_segment), kept for the loss
        # plot: going back must not erase what the runaway looked like. None: no rollback.
        self.runaway: dict | None = None
        self.last_progress = None
        self.latest_samples = None    # the newest samples of G the records brought
        self._mailbox = ProgressMailbox()
        self._thread: TrainingThread | None = None
        self._interval = 0.0
        self.refresh = RefreshScheduler()
        self._paint_clock = PaintClock(self.refresh.charge_paint, self)
        self._drain_timer = QTimer(self)
        self._drain_timer.setSingleShot(True)
        self._drain_timer.timeout.connect(self._drain)

    # ----- session lifecycle -------------------------------------------------------------
    def set_session(self, session) -> None:
        """Replaces the session (reset, new preset or dataset, loaded checkpoint)."""
        self._stop_thread()
        self._mailbox.drain()
        self.session = session
        self.worker = TrainingWorker(session, self._turn) if session is not None else None
        if self.worker is not None:
            self.worker.set_interval(self._interval)
        self.history.clear()
        self.runaway = None
        self.refresh.forget()
        self.last_progress = None
        self.latest_samples = None
        self._set_state(State.IDLE)
        self.session_replaced.emit(session)

    def shutdown(self) -> None:
        """Stops training for good (window closing); returns once the thread has ended."""
        self._stop_thread()
        self._drain_timer.stop()

    def add_view(self, name: str, redraw, *widgets) -> None:
        """`redraw()` is called when the scheduler's table says view `name` is due; painting
        `widgets` is charged to it."""
        self.refresh.add_view(name, redraw)
        for widget in widgets:
            self._paint_clock.watch(name, widget)

    # ----- commands ---------------------------------------------------------------------
    def start(self) -> None:
        if self.session is None or self.state is State.FINISHED:
            return
        if self.state is State.RUNNING and self.is_training_thread_alive:
            return
        self.worker.resume()
        self.worker.request_samples()
        self._ensure_thread()
        self._set_state(State.RUNNING)

    def pause(self) -> None:
        if self.state is State.RUNNING:
            self.worker.pause()
            self._set_state(State.PAUSED)

    def toggle(self) -> None:
        if self.state is State.RUNNING:
            self.pause()
        else:
            self.start()

    def step(self) -> None:
        self._step(lambda: self.worker.step_once())

    def step_stage(self) -> None:
        self._step(lambda: self.worker.step_stage())

    def set_interval(self, seconds: float) -> None:
        """Seconds between iterations (0: as fast as possible)."""
        self._interval = seconds
        if self.worker is not None:
            self.worker.set_interval(seconds)

    def set_learning_rate(self, network: str, value: float) -> None:
        if self.worker is not None:
            self.worker.set_learning_rate(network, value)

    def set_run_setting(self, key: str, value) -> None:
        """Iterations or the stopping rule; a finished run that may now go on becomes paused."""
        if self.session is None:
            return
        self.worker.set_run_settings(**{key: value})
        if self.state is State.FINISHED and not self.session.is_finished:
            self._set_state(State.PAUSED)

    def between_records(self, call) -> None:
        """Runs `call()` where the session holds still, without stopping training: in the
        training thread between two records, or now when none runs (core/training/worker.py)."""
        if self.worker is not None:
            self.worker.between_records(call)

    @property
    def is_training_thread_alive(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    @contextmanager
    def quiescent(self):
        """Training stopped between iterations, so the session may be read or written from this
        thread (saving a checkpoint, sampling); afterwards it goes on as before."""
        was = self.state
        self._stop_thread()
        try:
            yield self.session
        finally:
            if was is State.RUNNING:
                self.start()
            elif was is State.PAUSED:
                self.worker.pause()
                self._ensure_thread()

    # ----- internals --------------------------------------------------------------------
    def _step(self, command) -> None:
        if self.session is None or self.state is State.FINISHED:
            return
        self.worker.pause()
        self.worker.request_samples()
        self._ensure_thread()
        command()
        self._set_state(State.PAUSED)

    def _ensure_thread(self) -> None:
        if self._thread is not None and self._thread.isRunning():
            return
        self._forget_thread()
        thread = TrainingThread(self.worker, self._mailbox, self)
        thread.mail_arrived.connect(self._mail_arrived)
        thread.failed.connect(self._thread_failed)
        thread.finished.connect(self._thread_finished)
        self._thread = thread
        thread.start()

    def _stop_thread(self) -> None:
        if self._thread is None:
            return
        if self._thread.isRunning():   # a stop sent to no loop would wait for the next run
            self._thread.request_stop()
        self._thread.wait()
        self._drain()
        self._forget_thread()

    def _forget_thread(self) -> None:
        if self._thread is not None:
            for signal in (self._thread.mail_arrived, self._thread.failed, self._thread.finished):
                signal.disconnect()
            self._thread.deleteLater()
            self._thread = None

    def _pace(self) -> Pace:
        latest = self.last_progress
        if (self.state is not State.RUNNING or self._thread is None
                or (latest is not None and (latest.paused or latest.finished))):
            return Pace.AT_REST
        return Pace.PACED if self._interval > 0 else Pace.FULL

    def _mail_arrived(self) -> None:
        self._drain_when_due(mail=True)

    def _drain_when_due(self, mail: bool) -> None:
        wait = self.refresh.wait(self._pace(), mail)
        if wait == 0.0 and mail:
            self._drain()
        elif wait is not None:
            ms = int(wait * 1000) + 1
            if not self._drain_timer.isActive() or self._drain_timer.remainingTime() > ms:
                self._drain_timer.start(ms)

    def _drain(self) -> None:
        """Takes the records in the box, redraws the views that are due, asks for samples when
        the grid wants them, and sets the timer for views that are left with news."""
        self._drain_timer.stop()
        records = self._mailbox.drain()
        if records:
            self.history.extend_records(records)
            self.last_progress = records[-1]
            samples = next((r.samples for r in reversed(records) if r.samples is not None), None)
            if samples is not None:
                self.latest_samples = samples
            diverged = _divergence(records)
            if diverged is not None:   # before the redraw: the views show the restored state
                self._went_back(diverged.stop_reason)
            self.refresh.news(records)
            self.progress.emit(records)
        pace = self._pace()
        if self._thread is not None:
            self.refresh.sample_cost = self._thread.sample_cost
        self.refresh.refresh(pace)
        if self.refresh.wants_samples(pace):
            self.worker.request_samples()
        if records and _ended_by_its_rule(records[-1]):
            self._set_state(State.FINISHED)
        self._drain_when_due(mail=False)

    def _thread_failed(self, message: str) -> None:
        self._drain()
        self._set_state(State.FAILED)
        self.failed.emit(message)

    def _went_back(self, reason) -> None:
        """Training diverged and the session went back to its last good state, paused: the plots
        go back with it (the worker waits for a command, so the history holds still)."""
        self.runaway = runaway_segment(self.history, reason)
        self.history.load(self.session.history)
        self._set_state(State.PAUSED)
        self.failed.emit(divergence_message(reason))

    def _thread_finished(self) -> None:
        self._drain()

    def _set_state(self, state: State) -> None:
        if state is not self.state:
            self.state = state
            self.state_changed.emit(state)
