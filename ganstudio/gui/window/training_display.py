"""Shows what the training controller reports: a new session, progress records, its state."""

from __future__ import annotations

import time

from ganstudio.gui import dataset_loading
from ganstudio.gui.training.controller import State
from ganstudio.gui.views.training_view import REAL_STRIP_COLS, REAL_STRIP_ROWS

QUALITY_FEED_INTERVAL_S = 0.5


class TrainingDisplay:
    def __init__(self, window) -> None:
        self._window = window
        self._quality_fed = 0.0
        c = window.controller
        c.progress.connect(self.show_progress)
        c.history_changed.connect(lambda: window.view.show_history(c.history))
        c.state_changed.connect(self.show_state)
        c.failed.connect(window.show_error)
        c.session_replaced.connect(self.show_session)

    def show_session(self, session) -> None:
        w = self._window
        w.controller.history.load(session.history)
        w.view.clear(w.controller.history)
        w.view.show_samples(session.sample())
        w.view.show_reals(dataset_loading.example_digits(session.dataset,
                                                         REAL_STRIP_ROWS * REAL_STRIP_COLS))
        w.stages.set_stages(session.stage_names)
        w.status.show_session(session, w.dataset.name if w.dataset else "")
        w.quality_panel.show_samples(session.sample())

    def show_progress(self, records: list) -> None:
        w = self._window
        w.view.show_records(records)
        latest = records[-1]
        if latest.stage is not None:
            w.stages.highlight(latest.stage if latest.paused else None)
        w.status.show_progress(latest)
        samples = next((r.samples for r in reversed(records) if r.samples is not None), None)
        now = time.monotonic()
        # The class chart judges in a thread of its own; a few times a second is live enough.
        if samples is not None and now - self._quality_fed >= QUALITY_FEED_INTERVAL_S:
            self._quality_fed = now
            w.quality_panel.show_samples(samples)

    def show_state(self, state: State) -> None:
        w = self._window
        a = w.actions
        a.show_running(state is State.RUNNING)
        for action in (a.start_pause, a.step, a.step_stage):
            action.setEnabled(state is not State.FINISHED)
        w.status.show_state(state, w.controller.last_progress)
        if state is State.RUNNING:
            w.stages.highlight(None)
