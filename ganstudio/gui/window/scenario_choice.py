"""Choosing a scenario in the window: its preset, settings, seed and speed on the bundled digits
(all ten, so the story plays as measured), its caption over the digits, the map of digit space
opened when the caption points to it, and training started at once — one key press tells the
story; Space pauses it. Any other new session (Reset, another
preset, a checkpoint) takes the caption away."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QMainWindow, QMenu

from ganstudio.core.config.scenarios import SCENARIOS
from ganstudio.gui.panels.hyperparameter_panel import HyperparameterPanel
from ganstudio.gui.panels.scenario_caption import ScenarioCaption
from ganstudio.gui.panels.speed_control import SPEEDS, SpeedControl
from ganstudio.gui.training.controller import TrainingController
from ganstudio.gui.translations import tr as _tr
from ganstudio.gui.window.dataset_choice import DatasetChoice
from ganstudio.gui.window.frame import show_preset
from ganstudio.gui.window.session_policy import SessionPolicy


def speed_notch(speed: float | None) -> int:
    """The speed control's notch for a scenario's iterations per second."""
    return SPEEDS.index(speed)


class ScenarioChoice:
    def __init__(self, actions: Sequence[QAction], controller: TrainingController,
                 data: DatasetChoice, policy: SessionPolicy, preset_box: QComboBox,
                 hyperparameters: HyperparameterPanel, speed: SpeedControl,
                 caption: ScenarioCaption, show_map: Callable[[], None]) -> None:
        self._controller, self._data, self._policy = controller, data, policy
        self._show_map = show_map
        self._preset_box, self._hyperparameters, self._speed = preset_box, hyperparameters, speed
        self._caption = caption
        self._setting_up = False
        for action, scenario in zip(actions, SCENARIOS):
            action.triggered.connect(lambda _checked=False, s=scenario: self.choose(s))
        controller.session_replaced.connect(self._session_replaced)

    def choose(self, scenario) -> None:
        self._data.use_all_bundled()
        show_preset(self._preset_box, scenario.preset)
        config = scenario.config()
        self._hyperparameters.set_config(config, applied=False)
        self._speed.set_notch(speed_notch(scenario.speed))
        self._setting_up = True
        try:
            self._policy.reset()
        finally:
            self._setting_up = False
        session = self._controller.session
        if session is not None and session.config == config:
            # The new session cleared the message bar; what it says now is how to undo.
            self._caption.show_scenario(scenario)
            if scenario.shows_map:   # the caption points to it: it must be on screen
                self._show_map()
            self._controller.start()

    def _session_replaced(self, _session) -> None:
        if not self._setting_up:
            self._caption.clear()


def scenarios_menu(window: QMainWindow, actions: Sequence[QAction]) -> QMenu:
    """The Scenarios menu, placed before View."""
    menu = QMenu(_tr("&Scenarios"), window)
    for action in actions:
        menu.addAction(action)
    bar = window.menuBar()
    view = bar.actions()[2]   # File, Training, View, Help (frame.build_menus)
    bar.insertMenu(view, menu)
    return menu
