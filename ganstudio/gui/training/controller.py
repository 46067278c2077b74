"""Owns the session, its worker and its training thread; turns button presses into the
worker's commands and the thread's records into throttled updates for the window."""

from __future__ import annotations

import time
from contextlib import contextmanager
from enum import Enum

from PySide6.QtCore import QObject, QTimer, Signal

from ganstudio.core.stopping import DIVERGED, STOPPED
from ganstudio.core.worker import TrainingWorker
from ganstudio.gui.training.mailbox import ProgressMailbox
from ganstudio.gui.training.metric_history import MetricHistory
from ganstudio.gui.training.refresh_budget import GuiLoad, RefreshBudget, frame_paint_meter, plot_paint_meter
from ganstudio.gui.training.stop_words import divergence_message
from ganstudio.gui.training.thread import TrainingThread

SAMPLE_SHARE = 0.01   # at full speed, drawing the grid's samples may cost 1 % of training


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


class TrainingController(QObject):
    progress = Signal(list)       # the records since the last update, oldest first
    history_changed = Signal()    # time to redraw the plots from `history` (a slower tier)
    state_changed = Signal(object)
    failed = Signal(str)
    session_replaced = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = None
        self.worker: TrainingWorker | None = None   # the session's commands go through it
        self.state = State.IDLE
        self.history = MetricHistory()
        self.last_progress = None
        self._mailbox = ProgressMailbox()
        self._thread: TrainingThread | None = None
        self._interval = 0.0
        self._last_drain = 0.0
        self._last_sample_request = 0.0
        # At full speed the grid may take 1 % of the time and the plots 1.5 %: ~30 grid frames a
        # second when drawing is cheap, a few plot refreshes a second, fewer on a slow machine.
        self.budget = RefreshBudget(frame_paint_meter, share=0.01)
        self.plot_budget = RefreshBudget(plot_paint_meter, share=0.015, slowest=1.0)
        # What the meters miss (labels, layouts, copying the window to the screen) is caught by
        # measuring the GUI thread's whole CPU time: all of it stays near 2 % of one core.
        self.load = GuiLoad(target=0.02)
        self._last_plot = 0.0
        self._plots_stale = False
        self._drain_timer = QTimer(self)
        self._drain_timer.setSingleShot(True)
        self._drain_timer.timeout.connect(self._drain)

    # ----- session lifecycle -------------------------------------------------------------
    def set_session(self, session) -> None:
        """Replaces the session (reset, new preset or dataset, loaded checkpoint)."""
        self._stop_thread()
        self._mailbox.drain()
        self.session = session
        self.worker = TrainingWorker(session) if session is not None else None
        if self.worker is not None:
            self.worker.set_interval(self._interval)
        self.history.clear()
        self._plots_stale = False
        self.last_progress = None
        self._set_state(State.IDLE)
        self.session_replaced.emit(session)

    def shutdown(self) -> None:
        """Stops training for good (window closing); returns once the thread has ended."""
        self._stop_thread()
        self._drain_timer.stop()

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

    def _mail_arrived(self) -> None:
        if self._drain_timer.isActive():
            return
        since = time.monotonic() - self._last_drain
        wait = self._spacing(self.budget, self._interval == 0) - since
        if wait <= 0:
            self._drain()
        else:
            self._drain_timer.start(int(wait * 1000) + 1)

    def _drain(self) -> None:
        records = self._mailbox.drain()
        if not records:
            return
        self.load.sample()
        started = time.thread_time()
        self._last_drain = time.monotonic()
        self.history.extend(records)
        self.last_progress = records[-1]
        self._request_samples_if_affordable()
        self.progress.emit(records)
        self.budget.record(time.thread_time() - started)
        self._plots_stale = True
        latest = records[-1]
        full_speed = (self.state is State.RUNNING and self._interval == 0
                      and not (latest.paused or latest.finished))
        since_plot = time.monotonic() - self._last_plot
        if not full_speed or since_plot >= self._spacing(self.plot_budget, True):
            self._refresh_plots()
        if _ended_by_its_rule(latest):
            self._set_state(State.FINISHED)
        diverged = _divergence(records)
        if diverged is not None:
            self._went_back(diverged.stop_reason)

    def _spacing(self, budget: RefreshBudget, full_speed: bool) -> float:
        """Seconds between two refreshes of a tier: its own budget, stretched by the GUI
        thread's whole load at full speed (paced training leaves the CPU idle)."""
        return budget.interval(full_speed) * (self.load.factor if full_speed else 1.0)

    def _refresh_plots(self) -> None:
        if not self._plots_stale:
            return
        self._plots_stale = False
        self._last_plot = time.monotonic()
        started = time.thread_time()
        self.history_changed.emit()
        self.plot_budget.record(time.thread_time() - started)

    def _request_samples_if_affordable(self) -> None:
        """The next record brings a fresh grid, but at full speed only as often as its cost
        allows: on a slow CPU the grid refreshes a few times a second, on a fast one ~30."""
        if self.state is not State.RUNNING or self._thread is None:
            return
        now = time.monotonic()
        gap = 0.0 if self._interval > 0 else self._thread.sample_cost / SAMPLE_SHARE
        if now - self._last_sample_request >= min(gap, 1.0):
            self._last_sample_request = now
            self.worker.request_samples()

    def _thread_failed(self, message: str) -> None:
        self._drain()
        self._refresh_plots()
        self._set_state(State.FAILED)
        self.failed.emit(message)

    def _went_back(self, reason) -> None:
        """Training diverged and the session went back to its last good state, paused: the plots
        go back with it (the worker waits for a command, so the history holds still)."""
        self.history.load(self.session.history)
        self._plots_stale = True
        self._refresh_plots()
        self._set_state(State.PAUSED)
        self.failed.emit(divergence_message(reason))

    def _thread_finished(self) -> None:
        self._drain()
        self._refresh_plots()

    def _set_state(self, state: State) -> None:
        if state is not self.state:
            self.state = state
            self.state_changed.emit(state)
