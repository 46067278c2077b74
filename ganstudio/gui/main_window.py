"""GAN Studio's main window: composes the views, the docks and the parts in gui/window/ (frame,
settings, session policy, dataset choice, file commands, training display, undo, autosave) and
wires the actions to them and to the training controller (gui/training/)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from ganstudio.gui import zoom
from ganstudio.gui.panels.about_dialog import AboutDialog
from ganstudio.gui.panels.cheat_sheet import CheatSheet
from ganstudio.gui.panels.dataset_panel import DatasetPanel
from ganstudio.gui.panels.help_page import HelpPage
from ganstudio.gui.panels.hyperparameter_panel import HyperparameterPanel
from ganstudio.gui.panels.message_bar import MessageBar
from ganstudio.gui.panels.quality_panel import QualityPanel
from ganstudio.gui.panels.scenario_caption import ScenarioCaption
from ganstudio.gui.panels.speed_control import SpeedControl
from ganstudio.gui.panels.status_line import StatusLine
from ganstudio.gui.theme import SYSTEM, apply_palette, theme_named
from ganstudio.gui.training.controller import TrainingController
from ganstudio.gui.views.compare_view import CompareView
from ganstudio.gui.views.stage_list import StageList
from ganstudio.gui.views.step_through import StepThroughView
from ganstudio.gui.views.training_view import TrainingView
from ganstudio.gui.window import frame
from ganstudio.gui.window.actions import WindowActions
from ganstudio.gui.window.autosave import Autosave
from ganstudio.gui.window.autosave import default_folder as default_autosave_folder
from ganstudio.gui.window.compare_mode import CompareMode
from ganstudio.gui.window.dataset_choice import DatasetChoice
from ganstudio.gui.window.digit_map_window import DigitMapWindow
from ganstudio.gui.window.digit_request import DigitRequest
from ganstudio.gui.window.file_commands import FileCommands
from ganstudio.gui.window.key_routing import KeyRouter
from ganstudio.gui.window.model_export import ModelExport
from ganstudio.gui.window.network_probes import NetworkProbes
from ganstudio.gui.window.persistence import WindowPersistence
from ganstudio.gui.window.presenter import PresenterMode
from ganstudio.gui.window.saved_settings import WindowSettings
from ganstudio.gui.window.scenario_choice import ScenarioChoice, scenarios_menu
from ganstudio.gui.window.session_policy import SessionPolicy
from ganstudio.gui.window.session_undo import SessionUndo
from ganstudio.gui.window.setup_sharing import SetupSharing, edit_menu
from ganstudio.gui.window.single_keys import SingleKeyShortcuts
from ganstudio.gui.window.timeline_control import TimelineControl
from ganstudio.gui.window.training_display import TrainingDisplay
from ganstudio.gui.window.verdict_display import VerdictDisplay

ICON_ZOOM_LIMIT = 2.0


class MainWindow(QMainWindow):
    def __init__(self, settings: WindowSettings | None = None, dataset=None, config=None,
                 parent: QWidget | None = None, autosave_folder: Path | None = None) -> None:
        """`dataset`, `config`: start on these instead of the remembered dataset and preset
        (tests, benchmarks); `autosave_folder`: instead of the app's data folder."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("GAN Studio"))
        self.settings = settings or WindowSettings()
        self.theme_choice = self.settings.theme   # "system", "dark" or "light"
        self.theme = theme_named(self.theme_choice)
        self.controller = TrainingController(self)
        self.actions = WindowActions(self)
        # Closing waits for background work (a judgement, a dataset read) to end; the app,
        # whose process ends right after, abandons it instead (see app.py).
        self.wait_for_jobs_on_close = True

        # The widgets.
        self.message_bar = MessageBar()
        self.view = TrainingView(self.theme)
        self.step_through = StepThroughView(self.theme)   # the diagram and what a stage moved
        self.compare_view = CompareView(self.theme)   # two runs side by side (issue 22 part 2)
        self.centre = frame.centre_tabs(self.view, self.step_through, self.compare_view)
        self.setCentralWidget(frame.central_area(self.message_bar, self.centre))
        self.centralWidget().setFocus()
        self.preset_box = frame.preset_chooser()
        self.speed = SpeedControl()
        self.hyperparameters = HyperparameterPanel()
        self.data_panel = DatasetPanel(self.actions.open_data_file, self.actions.open_data_folder)
        self.stages = StageList()
        self.status = StatusLine(self.statusBar())
        self.quality_panel = QualityPanel(self.theme)
        self.quality_panel.metrics.set_sample_source(self._samples_for_evaluation)

        # The frame around them.
        training_menu, view_menu = frame.build_menus(self, self.actions)
        self.toolbar = frame.build_toolbar(self, self.actions, self.preset_box, self.speed)
        self.docks = frame.Docks(self, view_menu, self.data_panel, self.hyperparameters,
                                 self.stages, self.quality_panel)
        training_menu.addSeparator()
        training_menu.addAction(self.quality_panel.metrics.evaluate_action)
        view_menu.insertSeparator(self.actions.presenter)
        view_menu.insertAction(self.actions.presenter, self.actions.digit_map)   # a window of its own
        self.presenter = PresenterMode(self, self.actions, self.controller.refresh, self.set_zoom,
                                       self.view, self.toolbar, self.centre, self.status,
                                       self.settings.zoom, self.settings.presenter_zoom)
        self.caption = ScenarioCaption()   # scenarios: their caption over the digits
        self.centralWidget().layout().insertWidget(1, self.caption)
        scenarios = scenarios_menu(self, self.actions.scenarios)
        scenarios.addSeparator()
        scenarios.addActions([*self.actions.comparisons, self.actions.compare])
        edit_menu(self, self.actions, training_menu)   # Copy / Paste Setup; Open / Save Recipe

        # The parts that do the work, each given only what it uses. Built in this order: a
        # part comes after the parts it is given, and the parts that follow the controller's
        # signals connect in the order they are called (display, verdict, timeline, probes,
        # digit request, undo, scenario caption).
        show_error = self.show_error
        c = self.controller
        self.data = DatasetChoice(self.data_panel, self.settings, show_error, self)
        self.policy = SessionPolicy(c, self.data, self.hyperparameters, self.preset_box,
                                    self.message_bar, self.status, show_error,
                                    self.actions.start_pause)
        self.files = FileCommands(c, self.data, self.policy, self.view, self.settings,
                                  self.statusBar(), show_error, self)
        # A setup shared as one line or a recipe file (issue 22).
        self.setup_sharing = SetupSharing(self.actions, self.data, self.policy, self.hyperparameters,
                                          self.files, self.message_bar, self.settings, show_error, self)
        # Issue 22 part 1; on stage it takes the curves' place.
        self.digit_map = DigitMapWindow(c, self.actions, self.theme, show_error, self, self.view.plots)
        self.compare = CompareMode(self.compare_view, self.centre, self.actions, self.data, c.pause,
                                   show_error, self)
        self.model_export = ModelExport(c, self.files, show_error, self)   # File ▸ Export model… (issue 15)
        self.display = TrainingDisplay(c, self.actions, self.view, self.step_through, self.centre,
                                       self.stages, self.status, self.quality_panel,
                                       self.message_bar, self.data, show_error)
        # Who won and what G draws, at the end of a run.
        self.verdict = VerdictDisplay(c, self.status, self.message_bar, show_error, self)
        self.timeline = TimelineControl(c, self.view, self.files, show_error, self)
        self.probes = NetworkProbes(c, self.docks, show_error, self)   # Draw for D, Inside G (issue 14)
        # Asks a conditional G for a digit.
        self.digit_request = DigitRequest(c, self.view, self.view.digit_picker,
                                          self.quality_panel.show_samples)
        # Nothing trained is lost: Ctrl+Z brings a replaced session back; the autosave keeps
        # the session for the next launch (after the display, which clears the message bar).
        self.undo = SessionUndo(c, self.data, self.policy, self.actions, self.message_bar)
        self.autosave = Autosave(c, self.files, self.message_bar, show_error,
                                 autosave_folder or default_autosave_folder(), self)
        # Space, → and R act whatever has focus, unless a settings field is being typed into.
        self.keys = KeyRouter(self, self.actions.routed, self.centralWidget())
        # WCAG 2.1.4: R, C, 1–9 and ? can be turned off (every action of the window: QWidget's
        # actions(), which self.actions, the WindowActions, hides).
        self.single_keys = SingleKeyShortcuts(QMainWindow.actions(self), self.actions.single_keys,
                                              self.settings)
        self.cheat_sheet = CheatSheet(self)
        self.help_page = None   # made on first F1
        self.scenario_choice = ScenarioChoice(self.actions.scenarios, c, self.data, self.policy,
                                              self.preset_box, self.hyperparameters, self.speed,
                                              self.caption, self.digit_map.show)
        self.persistence = WindowPersistence(self.settings, self, self.presenter, self.view,
                                             self.preset_box, self.hyperparameters, self.speed,
                                             self.data)
        self._connect()

        # The remembered choices, then the look (fonts size the layout), then the layout.
        self.persistence.restore_choices(config)
        self.set_theme(self.theme_choice)
        self.set_zoom(self.settings.zoom)
        self.persistence.restore_layout()
        if dataset is not None:
            self.data.use(dataset.source, dataset)
        else:
            self.data.open_remembered(self.settings.dataset)
        self.policy.reset()
        self.display.show_state(self.controller.state)
        self.autosave.offer()   # continue where the last run left off

    @property
    def dataset(self):
        """The whole chosen dataset (before the digit filter)."""
        return self.data.dataset

    def _connect(self) -> None:
        a, c, policy, compare = self.actions, self.controller, self.policy, self.compare

        def routed(in_compare, otherwise):
            """Space, → and R act on compare mode's two runs while its tab shows."""
            return lambda: in_compare() if compare.active else otherwise()

        a.start_pause.triggered.connect(routed(compare.toggle, policy.start_or_pause))
        c.state_changed.connect(policy.show_pending)   # after the display's (see show_pending)
        a.step.triggered.connect(routed(compare.step, c.step))
        a.step_stage.triggered.connect(c.step_stage)
        a.reset.triggered.connect(routed(compare.reset, policy.reset))
        compare.activated.connect(self._compare_activated)
        a.save_checkpoint.triggered.connect(self.files.save_checkpoint)
        a.open_checkpoint.triggered.connect(self.files.open_checkpoint)
        a.export_grid.triggered.connect(self.files.export_grid)
        a.export_metrics.triggered.connect(self.files.export_metrics)
        a.export_timeline_gif.triggered.connect(self.timeline.export_gif)
        a.export_timeline_sheet.triggered.connect(self.timeline.export_contact_sheet)
        a.open_data_file.triggered.connect(lambda: self.data.ask_and_choose(folder=False))
        a.open_data_folder.triggered.connect(lambda: self.data.ask_and_choose(folder=True))
        a.quit.triggered.connect(self.close)
        a.dark_theme.triggered.connect(lambda: self.set_theme("dark"))
        a.system_theme.triggered.connect(lambda: self.set_theme(SYSTEM))
        QApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        a.presenter.triggered.connect(self.presenter.set)
        a.leave_presenter.triggered.connect(lambda: self.presenter.set(False))
        a.presenter.toggled.connect(self.caption.set_on_stage)   # presenter.set checks it
        a.presenter.toggled.connect(compare.set_on_stage)
        a.presenter.toggled.connect(self.digit_map.set_on_stage)
        a.zoom_in.triggered.connect(lambda: self.presenter.zoom_step(1))
        a.zoom_out.triggered.connect(lambda: self.presenter.zoom_step(-1))
        a.zoom_reset.triggered.connect(self.presenter.zoom_reset)
        a.light_theme.triggered.connect(lambda: self.set_theme("light"))
        a.restore_layout.triggered.connect(self.docks.restore_default)
        a.about.triggered.connect(lambda: AboutDialog(self).exec())
        a.about_qt.triggered.connect(lambda: QMessageBox.aboutQt(self))
        a.cheat_sheet.triggered.connect(self.cheat_sheet.toggle)
        a.help.triggered.connect(self.show_help)
        self.speed.interval_changed.connect(c.set_interval)
        self.preset_box.currentIndexChanged.connect(policy.preset_chosen)
        self.hyperparameters.live_changed.connect(policy.learning_rate_changed)
        self.hyperparameters.run_setting_changed.connect(policy.run_setting_changed)
        self.hyperparameters.pending_changed.connect(policy.settings_edited)
        self.hyperparameters.invalid.connect(self.show_error)
        self.data_panel.chosen.connect(self.data.choose)
        self.data_panel.download_requested.connect(self.data.download)
        self.data_panel.digit_filter.changed.connect(policy.apply_when_idle)
        self.data.opened.connect(policy.apply_when_idle)
        a.export_model.triggered.connect(self.model_export.run)

    def _compare_activated(self, active: bool) -> None:
        """The scenario's caption is the main run's: hidden while comparing; leaving, the
        actions show the main run's state again."""
        self.caption.setVisible(not active and self.caption.scenario is not None)
        self.status.show_comparing(active)
        if not active:
            self.display.show_state(self.controller.state)
            self.policy.show_pending()

    def _samples_for_evaluation(self, count: int):
        """Fresh samples for "Evaluate now", drawn between iterations (the session is not
        safe to sample while the training thread updates it)."""
        with self.controller.quiescent() as session:
            return session.sample(count, seed=session.config.seed + 7)

    def show_help(self) -> None:
        if self.help_page is None:
            self.help_page = HelpPage(self)
        self.help_page.show_page()

    def set_theme(self, name: str) -> None:
        """"dark", "light" or "system" (follows the desktop, also when it changes)."""
        self.theme_choice = name
        self.theme = theme_named(name)
        apply_palette(QApplication.instance(), self.theme)
        self._restyle()
        a = self.actions
        choice = {"dark": a.dark_theme, "light": a.light_theme}.get(name, a.system_theme)
        choice.setChecked(True)

    def _system_scheme_changed(self, _scheme) -> None:
        if self.theme_choice not in ("dark", "light"):
            self.set_theme(self.theme_choice)

    def set_zoom(self, factor: float) -> None:
        """Scales every font, the plots' text and line widths (gui/zoom.py); remembered per mode."""
        on_stage = self.presenter.active
        if on_stage:   # no larger than the screen leaves the digits room for
            factor = min(factor, zoom.largest_for_height(self.screen().geometry().height()))
        self.presenter.zooms[on_stage] = zoom.set_current(factor, on_stage)
        self._restyle()

    def _restyle(self) -> None:
        """The views take the theme's colours and the zoom's fonts and pens."""
        for part in (self.view, self.message_bar, self.quality_panel, self.caption, self.step_through):
            part.apply_theme(self.theme)
        self.digit_map.apply_theme(self.theme)   # the map's own window
        self.compare.apply_theme(self.theme)
        self.status.fit_to_font()
        # Icons grow with the type up to twice their size: larger, the toolbar took the height
        # the digits needed at 1024x768 (the icons are read from far as well at 2x).
        size = round(self.style().pixelMetric(self.style().PixelMetric.PM_ToolBarIconSize)
                     * min(zoom.current(), ICON_ZOOM_LIMIT))
        self.toolbar.setIconSize(QSize(size, size))

    def show_error(self, message: str) -> None:
        # The bar above the digits only: a copy in the status bar was cut off by its fields.
        self.message_bar.show_message(message)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.docks.first_shown(layout_remembered=not self.settings.window_state.isEmpty())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.autosave.ready_to_close():   # it could not be kept, and the user stays
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Saves the settings, stops training, ends (or abandons) background work; safe to
        call more than once."""
        self.persistence.save(self.theme_choice)
        self.controller.shutdown()
        self.compare.shutdown(self.wait_for_jobs_on_close)
        self.autosave.save_after_stop()   # the iterations since the last write
        self.autosave.shutdown()
        self.quality_panel.shutdown(self.wait_for_jobs_on_close)
        self.verdict.shutdown(self.wait_for_jobs_on_close)
        self.timeline.shutdown(self.wait_for_jobs_on_close)
        self.data.shutdown(self.wait_for_jobs_on_close)
