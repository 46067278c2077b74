"""GAN Studio's main window: composes the views and docks, and wires the actions to the
training controller. Training itself lives in training_controller.py and training_thread.py."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ganstudio.core.config import DEFAULT_PRESET, PRESETS, get_preset
from ganstudio.core.errors import GanStudioError
from ganstudio.core.export import save_png
from ganstudio.gui import dataset_loading
from ganstudio.gui.jobs import JobRunner
from ganstudio.gui.panels.about_dialog import AboutDialog
from ganstudio.gui.panels.dataset_panel import DatasetPanel
from ganstudio.gui.panels.hyperparameter_panel import HyperparameterPanel
from ganstudio.gui.panels.message_bar import MessageBar
from ganstudio.gui.panels.quality_panel import QualityPanel
from ganstudio.gui.panels.speed_control import SpeedControl
from ganstudio.gui.panels.status_line import StatusLine
from ganstudio.gui.theme import apply_palette, theme_named
from ganstudio.gui.training.controller import State, TrainingController
from ganstudio.gui.views.stage_list import StageList
from ganstudio.gui.views.training_view import REAL_STRIP_COLS, REAL_STRIP_ROWS, TrainingView
from ganstudio.gui.window_actions import WindowActions
from ganstudio.gui.window_settings import WindowSettings

DEFAULT_SIZE = (1280, 720)   # fits a 1366x768 screen with its task bar
LARGEST_DEFAULT_SIZE = (1680, 1000)  # on big screens: room for the digits, not a wall of plots


def default_size(available) -> tuple[int, int]:
    """DEFAULT_SIZE on small screens; most of the screen, up to a limit, on larger ones."""
    width = min(max(DEFAULT_SIZE[0], int(available.width() * 0.9)), LARGEST_DEFAULT_SIZE[0])
    height = min(max(DEFAULT_SIZE[1], int(available.height() * 0.9)), LARGEST_DEFAULT_SIZE[1])
    return min(width, available.width()), min(height, available.height())
QUALITY_FEED_INTERVAL_S = 0.5


class MainWindow(QMainWindow):
    def __init__(self, settings: WindowSettings | None = None, dataset=None, config=None,
                 parent: QWidget | None = None) -> None:
        """`dataset`, `config`: start on these instead of the remembered dataset and preset
        (tests, benchmarks)."""
        super().__init__(parent)
        self._initial = (dataset, config)
        self.setWindowTitle(self.tr("GAN Studio"))
        self.settings = settings or WindowSettings()
        self.theme = theme_named(self.settings.theme)
        self.controller = TrainingController(self)
        self.actions = WindowActions(self)
        self._jobs = JobRunner(self)
        self._download_cancel = threading.Event()   # set on close: a download stops promptly
        self._quality_fed = 0.0
        self.dataset = None          # the whole chosen dataset (before the digit filter)
        self.dataset_spec = "bundled"
        self._applied_data_choice: tuple = ()

        self.message_bar = MessageBar()
        self.view = TrainingView(self.theme)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)
        # Focus starts on the plain centre, not in a text field, so Space and → reach
        # Start and Step rather than typing a space or moving a cursor.
        central.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        central.setFocus()

        self.preset_box = QComboBox()
        for name, config in PRESETS.items():
            self.preset_box.addItem(name, name)
            self.preset_box.setItemData(self.preset_box.count() - 1, config.description,
                                        Qt.ItemDataRole.ToolTipRole)
        self.speed = SpeedControl()
        self.hyperparameters = HyperparameterPanel()
        self.data_panel = DatasetPanel(self.actions.open_data_file, self.actions.open_data_folder)
        self.stages = StageList()
        self.status = StatusLine(self.statusBar())
        self._build_menus()
        self._build_toolbar()
        self._build_docks()
        self._connect()
        self._restore_settings()
        self._show_state(self.controller.state)

    # ----- construction -----------------------------------------------------------------
    def _build_menus(self) -> None:
        a = self.actions
        menus = (
            (self.tr("&File"), (a.open_checkpoint, a.save_checkpoint, None, a.export_grid,
                                a.export_metrics, None, a.open_data_file, a.open_data_folder,
                                None, a.quit)),
            (self.tr("&Training"), (a.start_pause, a.step, a.step_stage, None, a.reset)),
            (self.tr("&View"), (a.dark_theme, a.light_theme, None, a.restore_layout)),
            (self.tr("&Help"), (a.about, a.about_qt)),
        )
        for title, actions in menus:
            menu = self.menuBar().addMenu(title)
            for action in actions:
                menu.addSeparator() if action is None else menu.addAction(action)
        self.training_menu = self.menuBar().actions()[1].menu()
        self.view_menu = self.menuBar().actions()[2].menu()

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Training"))
        bar.setObjectName("TrainingToolBar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        for action in (self.actions.start_pause, self.actions.step, self.actions.step_stage,
                       self.actions.reset):
            bar.addAction(action)
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr(" Preset ")))
        bar.addWidget(self.preset_box)
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr(" Speed ")))
        self.speed.setMinimumWidth(200)
        self.speed.setMaximumWidth(340)
        bar.addWidget(self.speed)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

    def _dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        self.view_menu.insertAction(self.view_menu.actions()[0], dock.toggleViewAction())
        return dock

    def _build_docks(self) -> None:
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        data_box = QWidget()
        data_layout = QVBoxLayout(data_box)
        data_layout.setContentsMargins(6, 6, 6, 6)
        data_layout.addWidget(self.data_panel)
        data_layout.addStretch(1)
        settings_box = QWidget()
        settings_layout = QVBoxLayout(settings_box)
        settings_layout.setContentsMargins(6, 6, 6, 6)
        settings_layout.addWidget(self.hyperparameters)
        self.data_dock = self._dock(self.tr("Data"), "DataDock", data_box, left)
        self.settings_dock = self._dock(self.tr("Settings"), "SettingsDock", settings_box, left)
        self.stage_dock = self._dock(self.tr("Stages"), "StageDock", self.stages, left)
        self.quality_panel = self._make_quality_panel()
        self.quality_dock = self._dock(self.tr("Quality"), "QualityDock",
                                       self.quality_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.training_menu.addSeparator()
        self.training_menu.addAction(self.quality_panel.metrics.evaluate_action)
        self.view_menu.insertSeparator(self.actions.dark_theme)
        self._default_state = None   # taken once the window has its size (first show)

    def _make_quality_panel(self) -> QWidget:
        panel = QualityPanel(self.theme)
        panel.metrics.set_sample_source(self._samples_for_evaluation)
        return panel

    def _samples_for_evaluation(self, count: int):
        """Fresh samples for "Evaluate now", drawn between iterations (the session is not
        safe to sample while the training thread updates it)."""
        with self.controller.quiescent() as session:
            return session.sample(count, seed=session.config.seed + 7)

    def _connect(self) -> None:
        a, c = self.actions, self.controller
        a.start_pause.triggered.connect(c.toggle)
        a.step.triggered.connect(c.step)
        a.step_stage.triggered.connect(c.step_stage)
        a.reset.triggered.connect(self.reset)
        a.save_checkpoint.triggered.connect(self.save_checkpoint)
        a.open_checkpoint.triggered.connect(self.open_checkpoint)
        a.export_grid.triggered.connect(self.export_grid)
        a.export_metrics.triggered.connect(self.export_metrics)
        a.open_data_file.triggered.connect(lambda: self._open_data(folder=False))
        a.open_data_folder.triggered.connect(lambda: self._open_data(folder=True))
        a.quit.triggered.connect(self.close)
        a.dark_theme.triggered.connect(lambda: self.set_theme("dark"))
        a.light_theme.triggered.connect(lambda: self.set_theme("light"))
        a.restore_layout.triggered.connect(self._restore_default_layout)
        a.about.triggered.connect(lambda: AboutDialog(self).exec())
        a.about_qt.triggered.connect(lambda: QMessageBox.aboutQt(self))
        c.progress.connect(self._show_progress)
        c.history_changed.connect(lambda: self.view.show_history(c.history))
        c.state_changed.connect(self._show_state)
        c.failed.connect(self.show_error)
        c.session_replaced.connect(self._session_replaced)
        self.speed.interval_changed.connect(c.set_interval)
        self.preset_box.currentIndexChanged.connect(self._preset_chosen)
        self.hyperparameters.live_changed.connect(self._learning_rate_changed)
        self.hyperparameters.run_setting_changed.connect(self._run_setting_changed)
        self.hyperparameters.pending_changed.connect(self._settings_edited)
        self.hyperparameters.invalid.connect(self.show_error)
        self.data_panel.chosen.connect(self.choose_dataset)
        self.data_panel.download_requested.connect(self._download)
        self.data_panel.digit_filter.changed.connect(self._apply_at_once_when_idle)

    def _show_preset(self, name: str) -> None:
        """Shows `name` in the preset chooser without applying it (a custom configuration
        leaves the chooser as it is)."""
        index = self.preset_box.findData(name)
        if index >= 0:
            self.preset_box.blockSignals(True)
            self.preset_box.setCurrentIndex(index)
            self.preset_box.blockSignals(False)

    def _restore_settings(self) -> None:
        s = self.settings
        dataset, config = self._initial
        preset = s.preset if s.preset in PRESETS else DEFAULT_PRESET
        # A configuration handed in says which preset it is (the chooser showed "fast" above
        # a seed run that was started with the seed configuration).
        self._show_preset(config.name if config is not None else preset)
        self.hyperparameters.set_config(config or get_preset(preset))
        if s.speed_notch >= 0:
            self.speed.set_notch(s.speed_notch)
        self.set_theme(self.theme.name)
        self.resize(*default_size(self.screen().availableGeometry().size()))
        if not s.geometry.isEmpty():
            self.restoreGeometry(s.geometry)
        if not s.window_state.isEmpty():
            self.restoreState(s.window_state)
        sizes = [int(v) for v in s.splitters if str(v).isdigit()]
        if len(sizes) == 2:
            self.view.setSizes(sizes)
        digit_filter = self.data_panel.digit_filter
        digit_filter.blockSignals(True)   # the reset below applies it, once
        digit_filter.set_digits(tuple(int(d) for d in s.digits.split(",") if d.isdigit()) or None)
        digit_filter.blockSignals(False)
        if dataset is not None:
            self._use_dataset(dataset.source, dataset)
        else:
            self._open_remembered_dataset(s.dataset)
        self.reset()

    def _open_remembered_dataset(self, spec: str) -> None:
        """The remembered dataset if it opens offline, else (with a message) the bundled one."""
        try:
            if dataset_loading.is_local(spec):
                self._use_dataset(spec, dataset_loading.open_spec(spec))
                return
        except GanStudioError as error:
            self.show_error(str(error))
        self._use_dataset("bundled", dataset_loading.open_spec("bundled"))

    def _save_settings(self) -> None:
        s = self.settings
        s.geometry = self.saveGeometry()
        s.window_state = self.saveState()
        s.splitters = self.view.sizes()
        s.theme = self.theme.name
        s.preset = self.preset_box.currentData()
        s.speed_notch = self.speed.notch
        s.dataset = self.dataset_spec
        digits = self.data_panel.digit_filter.digits()
        s.digits = ",".join(map(str, digits)) if digits else ""
        s.sync()

    # ----- training ---------------------------------------------------------------------
    def reset(self) -> None:
        """New networks from the settings shown, on the chosen data and digits."""
        from ganstudio.core.training import TrainingSession

        config = self.hyperparameters.config()
        try:
            data = dataset_loading.apply_filter(self.dataset, self.data_panel.digit_filter.digits())
            session = TrainingSession(config, data)
        except GanStudioError as error:
            self.show_error(str(error))
            return
        self._applied_data_choice = self._data_choice()
        self.controller.set_session(session)
        self.hyperparameters.set_config(config)
        self._pending_changed()

    def _session_replaced(self, session) -> None:
        self.controller.history.load(session.history)
        self.view.clear(self.controller.history)
        self.view.show_samples(session.sample())
        self.view.show_reals(dataset_loading.example_digits(session.dataset,
                                                            REAL_STRIP_ROWS * REAL_STRIP_COLS))
        self.stages.set_stages(session.stage_names)
        self.status.show_session(session, self.dataset.name if self.dataset else "")
        self.quality_panel.show_samples(session.sample())

    def _show_progress(self, records: list) -> None:
        self.view.show_records(records)
        latest = records[-1]
        if latest.stage is not None:
            self.stages.highlight(latest.stage if latest.paused else None)
        self.status.show_progress(latest)
        samples = next((r.samples for r in reversed(records) if r.samples is not None), None)
        now = time.monotonic()
        # The class chart judges in a thread of its own; a few times a second is live enough.
        if samples is not None and now - self._quality_fed >= QUALITY_FEED_INTERVAL_S:
            self._quality_fed = now
            self.quality_panel.show_samples(samples)

    def _show_state(self, state: State) -> None:
        a = self.actions
        a.show_running(state is State.RUNNING)
        a.start_pause.setEnabled(state is not State.FINISHED)
        a.step.setEnabled(state is not State.FINISHED)
        a.step_stage.setEnabled(state is not State.FINISHED)
        self.status.show_state(state, self.controller.last_progress)
        if state is State.RUNNING:
            self.stages.highlight(None)

    def _learning_rate_changed(self, network: str, value: float) -> None:
        try:
            self.controller.set_learning_rate(network, value)
        except GanStudioError as error:
            self.show_error(str(error))

    def _run_setting_changed(self, key: str, value) -> None:
        try:
            self.controller.set_run_setting(key, value)
        except GanStudioError as error:
            self.show_error(str(error))

    def _preset_chosen(self) -> None:
        config = get_preset(self.preset_box.currentData())
        self.hyperparameters.set_config(config, applied=False)
        self._apply_at_once_when_idle()

    def _data_choice(self) -> tuple:
        return (self.dataset_spec, self.data_panel.digit_filter.digits())

    def _pending_changed(self, *_args) -> None:
        data_pending = self._data_choice() != self._applied_data_choice
        self.status.show_pending(self.hyperparameters.is_pending() or data_pending)

    def _settings_edited(self, pending: bool) -> None:
        if pending:
            self._apply_at_once_when_idle()
        else:
            self._pending_changed()

    def _apply_at_once_when_idle(self) -> None:
        # Nothing trained yet: nothing to lose, so show the new choice straight away.
        session = self.controller.session
        if self.controller.state is State.IDLE and (session is None or session.iteration == 0):
            self.reset()
        else:
            self._pending_changed()

    # ----- data -------------------------------------------------------------------------
    def choose_dataset(self, spec: str) -> None:
        if dataset_loading.needs_download(spec):
            self.data_panel.show_download_needed(True)
            self.data_panel.status.setText(self.tr("Not downloaded yet. Download once, then "
                                                   "it works offline."))
            return
        self.data_panel.show_download_needed(False)
        self._jobs.submit(lambda report: dataset_loading.open_spec(spec),
                          lambda dataset: self._dataset_opened(spec, dataset), self.show_error)

    def _dataset_opened(self, spec: str, dataset) -> None:
        self._use_dataset(spec, dataset)
        self._apply_at_once_when_idle()

    def _use_dataset(self, spec: str, dataset) -> None:
        self.dataset, self.dataset_spec = dataset, spec
        self.data_panel.select(spec, dataset.name)
        self.data_panel.status.setText(dataset.name)

    def _open_data(self, folder: bool) -> None:
        start = self.settings.last_folder
        if folder:
            path = QFileDialog.getExistingDirectory(self, self.tr("Open a folder of digit images"), start)
        else:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open a dataset file"), start,
                self.tr("Datasets (*.gz *ubyte *.idx* *.npz *.mat);;All files (*)"))
        if path:
            self.settings.last_folder = str(Path(path).parent)
            self.choose_dataset(path)

    def _download(self, spec: str) -> None:
        self.data_panel.download.setEnabled(False)
        cancel = self._download_cancel

        def finished(dataset) -> None:
            self.data_panel.hide_download_progress()
            self.data_panel.download.setEnabled(True)
            self.data_panel.show_download_needed(False)
            self._dataset_opened(spec, dataset)

        def failed(message: str) -> None:
            self.data_panel.hide_download_progress()
            self.data_panel.download.setEnabled(True)
            self.show_error(message)

        self._jobs.submit(lambda report: dataset_loading.download(spec, report, cancel),
                          finished, failed, self.data_panel.show_download_progress)

    # ----- files ------------------------------------------------------------------------
    def _ask_save_path(self, title: str, name: str, filters: str) -> str:
        start = str(Path(self.settings.last_folder or Path.home()) / name)
        path, _ = QFileDialog.getSaveFileName(self, title, start, filters)
        if path:
            self.settings.last_folder = str(Path(path).parent)
        return path

    def save_checkpoint(self) -> None:
        path = self._ask_save_path(self.tr("Save checkpoint"), "checkpoint.npz",
                                   self.tr("Checkpoints (*.npz)"))
        if not path:
            return
        try:
            with self.controller.quiescent() as session:
                saved = session.save(path)
        except GanStudioError as error:
            self.show_error(str(error))
            return
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=saved), 5000)

    def open_checkpoint(self) -> None:
        from ganstudio.core.training import TrainingSession

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open checkpoint"),
                                              self.settings.last_folder,
                                              self.tr("Checkpoints (*.npz);;All files (*)"))
        if not path:
            return
        self.settings.last_folder = str(Path(path).parent)
        data = dataset_loading.apply_filter(self.dataset, self.data_panel.digit_filter.digits())
        try:
            session = TrainingSession.load(path, data)
        except GanStudioError as error:
            self.show_error(str(error))   # the running session is untouched
            return
        self.controller.set_session(session)
        self._show_preset(session.config.name)
        self.hyperparameters.set_config(session.config)
        self.statusBar().showMessage(self.tr("Opened {path} at iteration {n}").format(
            path=path, n=session.iteration), 5000)

    def export_grid(self) -> None:
        path = self._ask_save_path(self.tr("Export grid"), "grid.png", self.tr("PNG images (*.png)"))
        if path:
            self._write_file(lambda: save_png(self.view.grid.mosaic, path), path)

    def export_metrics(self) -> None:
        path = self._ask_save_path(self.tr("Export metrics"), "metrics.csv",
                                   self.tr("CSV files (*.csv)"))
        if path:
            self._write_file(lambda: self.controller.history.write_csv(path), path)

    def _write_file(self, write, path: str) -> None:
        try:
            write()
        except OSError as error:
            self.show_error(self.tr("{path}: could not write: {reason}").format(
                path=path, reason=error.strerror or error))
            return
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 5000)

    # ----- look ---------------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        self.theme = theme_named(name)
        apply_palette(QApplication.instance(), self.theme)
        self.view.apply_theme(self.theme)
        self.message_bar.apply_theme(self.theme)
        self.quality_panel.apply_theme(self.theme)
        (self.actions.dark_theme if self.theme.name == "dark" else self.actions.light_theme).setChecked(True)

    def show_error(self, message: str) -> None:
        self.message_bar.show_message(message)
        self.statusBar().showMessage(message, 10000)

    def _default_dock_sizes(self) -> None:
        """Side panels narrow enough that the digits and plots get most of a 1366-wide screen."""
        self.resizeDocks([self.data_dock, self.quality_dock], [270, 270], Qt.Orientation.Horizontal)
        self.resizeDocks([self.data_dock, self.settings_dock, self.stage_dock], [190, 260, 170],
                         Qt.Orientation.Vertical)

    def _restore_default_layout(self) -> None:
        self.restoreState(self._default_state)
        self._default_dock_sizes()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._default_state is None:
            self._default_state = self.saveState()
            if self.settings.window_state.isEmpty():
                self._default_dock_sizes()

    # ----- closing ------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Saves the settings and ends every thread; safe to call more than once."""
        self._save_settings()
        self.controller.shutdown()
        self.quality_panel.shutdown()   # waits for a judgement in flight
        self._download_cancel.set()
        self._jobs.shutdown()   # a dataset read, or a download that the cancel event is ending
