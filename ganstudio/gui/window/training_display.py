"""Shows what the training controller reports: a new session, progress records, its state.
A new session (Reset, a preset, a checkpoint) clears every view of the old run."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from ganstudio.core.data import access as dataset_loading
from ganstudio.gui.training.controller import State
from ganstudio.gui.views.training_view import REAL_STRIP_COLS, REAL_STRIP_ROWS
from ganstudio.gui.views.welcome_overlay import WelcomeOverlay


class TrainingDisplay:
    def __init__(self, window) -> None:
        self._window = window
        c, v, s = window.controller, window.view, window.status
        s.start_key = window.actions.start_pause.shortcut().toString(
            QKeySequence.SequenceFormat.NativeText)
        self.welcome = WelcomeOverlay(v.grid, s.start_key)
        # How often each of these redraws: the table in training/refresh_scheduler.py.
        c.progress.connect(v.remember_records)
        # Stepped stages carry reports (cheap to look at; running records carry none).
        c.progress.connect(window.step_through.remember_records)
        window.actions.step_stage.triggered.connect(
            lambda: window.centre.setCurrentWidget(window.step_through))
        c.add_view("grid", lambda: v.show_samples(c.latest_samples), v.grid)
        c.add_view("plots", lambda: v.show_history(c.history), v.equilibrium.widget, v.losses.widget)
        c.add_view("histogram", v.outputs.show_remembered, v.outputs.widget)
        c.add_view("status", self.show_progress, s.iteration, s.rate, s.means)
        c.add_view("quality", lambda: window.quality_panel.show_samples(c.latest_samples),
                   window.quality_panel.coverage.plot)
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
        w.view.equilibrium.explain(session.config.d_real_label)
        w.stages.set_stages(session.stage_names)
        w.step_through.set_session(session.config, session.stage_names)
        w.status.show_session(session, w.dataset.name if w.dataset else "", w.controller.history)
        w.status.show_state(w.controller.state, w.controller.last_progress)
        w.quality_panel.clear()
        w.quality_panel.show_samples(session.sample())
        w.message_bar.hide()   # what it said was about the old run
        self._show_welcome()

    def show_progress(self) -> None:
        w = self._window
        latest = w.controller.last_progress
        if latest.stage is not None:
            w.stages.highlight(latest.stage if latest.paused else None)
        w.status.show_progress(latest, w.controller.history)

    def show_state(self, state: State) -> None:
        w = self._window
        a = w.actions
        a.show_running(state is State.RUNNING)
        for action in (a.start_pause, a.step, a.step_stage):
            action.setEnabled(state is not State.FINISHED)
        w.status.show_state(state, w.controller.last_progress)
        if state is State.RUNNING:
            w.stages.highlight(None)
            w.centre.setCurrentWidget(w.view)   # the step-through has nothing to show meanwhile
        self._show_welcome()

    def _show_welcome(self) -> None:
        """While a fresh session waits for its first step (at launch, after Reset)."""
        c = self._window.controller
        self.welcome.setVisible(c.state is State.IDLE and c.session is not None
                                and c.session.iteration == 0)
