"""Compare mode (issue 22 part 2): two runs trained at once, side by side, on the centre's Compare
tab. Each run has its own TrainingController (its worker, thread, mailbox and refresh scheduler,
as the main run has); the main run pauses while comparing and keeps its session, so nothing
trained is replaced (a comparison is deterministic from its setups: choosing it again gives the
same numbers).

Cores (core/engine/threads.py): with two or more each run has its own, and each engine computes
on its own thread alone (one worker: helpers would make three threads on two cores); with one,
the runs take turns (core/training/paired_runs.py FairTurns), and the caption says so.
Space, → and R act on both runs while the Compare tab shows (the window routes them here)."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QTabWidget

from ganstudio.core.config.comparisons import COMPARISONS, Comparison
from ganstudio.core.data import access as dataset_loading
from ganstudio.core.engine import threads
from ganstudio.core.errors import GanStudioError
from ganstudio.core.training.paired_runs import (
    FairTurns,
    RunSetup,
    paired_sessions,
    same_noise,
    takes_turns,
)
from ganstudio.gui.theme import Theme
from ganstudio.gui.training.controller import State, TrainingController
from ganstudio.gui.training.refresh_scheduler import CADENCE, PRESENTER_CADENCE
from ganstudio.gui.translations import core_text
from ganstudio.gui.views.compare_view import CompareView
from ganstudio.gui.window.actions import WindowActions
from ganstudio.gui.window.dataset_choice import DatasetChoice
from ganstudio.gui.window.frame import size_by_current_page
from ganstudio.gui.window.live_map import LiveMap

MAP_REFRESH_MS = 1000


class CompareMode(QObject):
    activated = Signal(bool)   # the Compare tab came up (True) or went (False)

    def __init__(self, view: CompareView, centre: QTabWidget, actions: WindowActions,
                 data: DatasetChoice, pause_main: Callable[[], None],
                 show_error: Callable[[str], None], parent: QObject) -> None:
        super().__init__(parent)
        self.view, self._centre, self._actions = view, centre, actions
        self._data, self._pause_main, self._show_error = data, pause_main, show_error
        self.one_core = takes_turns(threads.available_cores())
        self.turns = FairTurns(2) if self.one_core else None
        self.controllers = [TrainingController(self, None if self.turns is None else self.turns.for_run(run))
                            for run in range(2)]
        self._maps = [LiveMap(c, view.maps[run], self) for run, c in enumerate(self.controllers)]
        self._map_timer = QTimer(self)
        self._map_timer.setInterval(MAP_REFRESH_MS)
        self._map_timer.timeout.connect(self._refresh_maps)
        self._story = ""
        self.active = False
        for run, c in enumerate(self.controllers):
            self._show_run(run, c)
        self._show_sides(COMPARISONS[0])   # what the Compare tab first offers: then vs now
        for chooser in (column.chooser for column in view.runs):
            chooser.chosen.connect(self._setup_chosen)
            chooser.refused.connect(show_error)
        size_by_current_page(view.below)   # the maps' least size counts only while they show
        view.below.currentChanged.connect(lambda _index: self._refresh_maps())
        actions.compare.triggered.connect(lambda on: self.open() if on else self.leave())
        for action, comparison in zip(actions.comparisons, COMPARISONS):
            action.triggered.connect(lambda _checked=False, c=comparison: self.choose(c))
        centre.currentChanged.connect(self._tab_changed)

    # ----- what the user does ------------------------------------------------------------
    def open(self) -> None:
        """The Compare tab, with the two setups shown (trained so far, or new ones)."""
        if self.controllers[0].session is None:
            self.reset()
        self._centre.setCurrentWidget(self.view)

    def leave(self) -> None:
        """Back to the main run's training views (it stays paused until Space)."""
        self._centre.setCurrentIndex(0)

    def choose(self, comparison: Comparison) -> None:
        """A comparison's key: its two sides, its caption, and both runs started."""
        self._show_sides(comparison)
        self._story = self.tr("<b>{title}</b> — {caption}").format(
            title=html.escape(core_text("ScenarioCaption", comparison.title), quote=False),
            caption=html.escape(core_text("ScenarioCaption", comparison.caption), quote=False))
        self._centre.setCurrentWidget(self.view)
        if self.reset():
            self.start()

    def start(self) -> None:
        for c in self.controllers:
            c.start()

    def toggle(self) -> None:
        """Space: both pause if either runs, else both start."""
        if any(c.state is State.RUNNING for c in self.controllers):
            for c in self.controllers:
                c.pause()
        else:
            self.start()

    def step(self) -> None:
        for c in self.controllers:
            c.step()

    def reset(self) -> bool:
        """New sessions for both setups shown, through the same fixed noise; whether it worked
        (a setup that cannot be used says why and leaves both runs as they were)."""
        setups = [column.chooser.setup() for column in self.view.runs]
        try:
            datasets = [self._dataset(setup) for setup in setups]
            sessions = paired_sessions([s.config for s in setups], datasets)
        except GanStudioError as error:
            self._show_error(str(error))
            return False
        for c, session, setup in zip(self.controllers, sessions, setups):
            c.set_interval(0.0 if setup.speed is None else 1.0 / setup.speed)
            c.set_session(session)
        self.view.name_runs([s.label for s in setups])
        self._show_caption(setups)
        return True

    # ----- the window's part -------------------------------------------------------------
    def apply_theme(self, theme: Theme) -> None:
        self.view.apply_theme(theme)

    def set_on_stage(self, on: bool) -> None:
        """Presenter mode's refresh table for both runs, as for the main one."""
        for c in self.controllers:
            c.refresh.use(PRESENTER_CADENCE if on else CADENCE)
        self.view.favour_grids(on)

    def shutdown(self, wait_for_jobs: bool = True) -> None:
        """Both runs stop; returns once both threads have ended, and the class charts'
        judgements too unless `wait_for_jobs` is False (the app, whose process ends, abandons them)."""
        self._map_timer.stop()
        for c in self.controllers:
            c.shutdown()
        if self.active:   # the window's own policy again, for whatever trains next in this process
            threads.configure(gui=True)
        for chart in self.view.charts:
            chart.shutdown(wait_for_jobs)

    # ----- internals ---------------------------------------------------------------------
    def _show_sides(self, comparison: Comparison) -> None:
        for column, side in zip(self.view.runs, (comparison.left, comparison.right)):
            column.chooser.show_setup(RunSetup(core_text("ScenarioCaption", side.label), side.config(),
                                               speed=side.speed))

    def _setup_chosen(self, _setup: RunSetup) -> None:
        self._story = ""   # the comparison's story is about its own setups
        self.reset()

    def _dataset(self, setup: RunSetup):
        data = self._data
        if setup.data == data.spec and data.dataset is not None:
            dataset = data.dataset
        elif dataset_loading.needs_download(setup.data):
            raise GanStudioError(self.tr("{data} is not downloaded yet: download it in the Data "
                                         "panel first").format(data=setup.data))
        else:
            dataset = dataset_loading.open_spec(setup.data)
        return dataset_loading.apply_filter(dataset, setup.digits)

    def _show_run(self, run: int, c: TrainingController) -> None:
        view = self.view
        chart, status = view.charts[run], view.runs[run].status
        c.add_view("grid", lambda: view.show_samples(run, c.latest_samples), view.runs[run].grid)
        c.add_view("plots", lambda: view.plot.show_history(run, c.history), view.plot.widget)
        c.add_view("quality", lambda: chart.show_samples(c.latest_samples), chart.plot)
        c.add_view("status", lambda: self._show_status(run), status)
        c.state_changed.connect(lambda state: self._state_changed(run, state))
        c.failed.connect(self._show_error)
        c.session_replaced.connect(lambda session: self._new_session(run, session))

    def _new_session(self, run: int, session) -> None:
        c, view = self.controllers[run], self.view
        c.history.load(session.history)
        view.show_samples(run, session.sample())
        view.plot.show_history(run, c.history)
        view.charts[run].clear()
        view.charts[run].show_samples(session.sample())
        self._show_status(run)
        if self.view.maps_shown:
            self._maps[run].refresh()

    def _show_status(self, run: int) -> None:
        c = self.controllers[run]
        latest = c.last_progress
        iteration = c.session.iteration if latest is None else latest.iteration
        self.view.runs[run].status.show_run(c.state.value, iteration, 0.0 if latest is None else latest.steps_per_sec)

    def _state_changed(self, run: int, _state: State) -> None:
        self._show_status(run)
        if self.active:
            self._show_actions()

    def _show_actions(self) -> None:
        """Start/Pause says what Space does to the pair; it and Step work until both ended."""
        a = self._actions
        a.show_running(any(c.state is State.RUNNING for c in self.controllers))
        can_train = any(c.state is not State.FINISHED for c in self.controllers)
        for action in (a.start_pause, a.step):
            action.setEnabled(can_train)

    def _show_caption(self, setups: list[RunSetup]) -> None:
        noise = (self.tr("Both grids: the same 100 noise vectors.") if same_noise(setups[0].config, setups[1].config)
                 else self.tr("The two G take different noise, drawn from the same seed."))
        cores = (self.tr("One core: the runs take turns, each getting the same time.") if self.one_core
                 else self.tr("Each run trains on a core of its own."))
        lines = [self._story] if self._story else []
        between = "" if noise.endswith("。") else " "   # no space after a full-width stop
        lines.append(html.escape(noise + between + cores, quote=False))
        self.view.show_caption("<br>".join(lines))

    def _tab_changed(self, _index: int) -> None:
        active = self._centre.currentWidget() is self.view
        if active == self.active:
            return
        self.active = active
        if active:
            self._pause_main()
            threads.configure(gui=True, workers=1)
            self._show_actions()
            self._map_timer.start()
        else:
            for c in self.controllers:
                c.pause()
            threads.configure(gui=True)
            self._map_timer.stop()
        self._actions.compare.setChecked(active)
        self.activated.emit(active)

    def _refresh_maps(self) -> None:
        if self.view.maps_shown:
            for live in self._maps:
                live.refresh()
