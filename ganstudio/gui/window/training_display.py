"""Shows what the training controller reports: a new session, progress records, its state.
A new session (Reset, a preset, a checkpoint) clears every view of the old run."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTabWidget

from ganstudio.core.data import access as dataset_loading
from ganstudio.gui.panels.message_bar import MessageBar
from ganstudio.gui.panels.quality_panel import QualityPanel
from ganstudio.gui.panels.status_line import StatusLine
from ganstudio.gui.training.controller import State, TrainingController
from ganstudio.gui.views.stage_list import StageList
from ganstudio.gui.views.step_through import StepThroughView
from ganstudio.gui.views.training_view import REAL_STRIP_COLS, REAL_STRIP_ROWS, TrainingView
from ganstudio.gui.views.welcome_overlay import WelcomeOverlay
from ganstudio.gui.window.actions import WindowActions
from ganstudio.gui.window.dataset_choice import DatasetChoice


class TrainingDisplay:
    def __init__(self, controller: TrainingController, actions: WindowActions, view: TrainingView,
                 step_through: StepThroughView, centre: QTabWidget, stages: StageList,
                 status: StatusLine, quality_panel: QualityPanel, message_bar: MessageBar,
                 data: DatasetChoice, show_error: Callable[[str], None]) -> None:
        self._controller, self._actions = controller, actions
        self._view, self._step_through, self._centre = view, step_through, centre
        self._stages, self._status = stages, status
        self._quality_panel, self._message_bar, self._data = quality_panel, message_bar, data
        c, v, s = controller, view, status
        s.start_key = actions.start_pause.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.welcome = WelcomeOverlay(v.grid, s.start_key)
        # How often each of these redraws: the table in training/refresh_scheduler.py.
        c.progress.connect(v.remember_records)
        # Stepped stages carry reports (cheap to look at; running records carry none).
        c.progress.connect(step_through.remember_records)
        actions.step_stage.triggered.connect(lambda: centre.setCurrentWidget(step_through))
        c.add_view("grid", lambda: v.show_samples(c.latest_samples), v.grid)
        c.add_view("plots", lambda: v.show_history(c.history, c.runaway), v.equilibrium.widget, v.losses.widget)
        c.add_view("histogram", v.outputs.show_remembered, v.outputs.widget)
        c.add_view("status", self.show_progress, s.iteration, s.rate, s.means)
        c.add_view("quality", lambda: quality_panel.show_samples(c.latest_samples),
                   quality_panel.coverage.plot)
        c.state_changed.connect(self.show_state)
        c.failed.connect(show_error)
        c.session_replaced.connect(self.show_session)

    def show_session(self, session) -> None:
        c, v = self._controller, self._view
        c.history.load(session.history)
        v.clear(c.history)
        v.show_samples(session.sample())
        v.show_reals(dataset_loading.example_digits(session.dataset,
                                                    REAL_STRIP_ROWS * REAL_STRIP_COLS))
        v.equilibrium.explain(session.config.d_real_label)
        self._stages.set_stages(session.stage_names)
        self._step_through.set_session(session.config, session.stage_names)
        dataset = self._data.dataset
        self._status.show_session(session, dataset.name if dataset else "", c.history)
        self._status.show_state(c.state, c.last_progress)
        self._quality_panel.clear()
        self._quality_panel.show_samples(session.sample())
        self._message_bar.hide()   # what it said was about the old run
        self._show_welcome()

    def show_progress(self) -> None:
        latest = self._controller.last_progress
        if latest.stage is not None:
            self._stages.highlight(latest.stage if latest.paused else None)
        self._status.show_progress(latest, self._controller.history)

    def show_state(self, state: State) -> None:
        a = self._actions
        a.show_running(state is State.RUNNING)
        for action in (a.start_pause, a.step, a.step_stage):
            action.setEnabled(state is not State.FINISHED)
        self._status.show_state(state, self._controller.last_progress)
        if state is State.RUNNING:
            self._stages.highlight(None)
            # The step-through has nothing to show meanwhile.
            self._centre.setCurrentWidget(self._view)
        self._show_welcome()

    def _show_welcome(self) -> None:
        """While a fresh session waits for its first step (at launch, after Reset)."""
        c = self._controller
        self.welcome.setVisible(c.state is State.IDLE and c.session is not None
                                and c.session.iteration == 0)
