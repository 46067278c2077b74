"""Choosing a scenario in the window: its preset, settings, seed and speed on the bundled digits
(all ten, so the story plays as measured), its caption over the digits, and training started at
once — one key press tells the story; Space pauses it. Any other new session (Reset, another
preset, a checkpoint) takes the caption away."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from ganstudio.core.config.scenarios import SCENARIOS
from ganstudio.core.data import access as dataset_loading
from ganstudio.gui.panels.speed_control import SPEEDS
from ganstudio.gui.translations import tr as _tr
from ganstudio.gui.window.frame import show_preset


def speed_notch(speed: float | None) -> int:
    """The speed control's notch for a scenario's iterations per second."""
    return SPEEDS.index(speed)


class ScenarioChoice:
    def __init__(self, window, actions) -> None:
        self._window = window
        self._setting_up = False
        for action, scenario in zip(actions, SCENARIOS):
            action.triggered.connect(lambda _checked=False, s=scenario: self.choose(s))
        window.controller.session_replaced.connect(self._session_replaced)

    def choose(self, scenario) -> None:
        w = self._window
        self._use_all_bundled_digits()
        show_preset(w.preset_box, scenario.preset)
        config = scenario.config()
        w.hyperparameters.set_config(config, applied=False)
        w.speed.set_notch(speed_notch(scenario.speed))
        self._setting_up = True
        try:
            w.policy.reset()
        finally:
            self._setting_up = False
        if w.controller.session is not None and w.controller.session.config == config:
            w.message_bar.hide()
            w.caption.show_scenario(scenario)
            w.controller.start()

    def _use_all_bundled_digits(self) -> None:
        w = self._window
        if w.data.spec != "bundled":
            w.data.use("bundled", dataset_loading.open_spec("bundled"))
        digit_filter = w.data_panel.digit_filter
        digit_filter.blockSignals(True)   # the reset that follows applies it
        digit_filter.set_digits(None)
        digit_filter.blockSignals(False)

    def _session_replaced(self, _session) -> None:
        if not self._setting_up:
            self._window.caption.clear()


def scenarios_menu(window, actions) -> QMenu:
    """The Scenarios menu, placed before View."""
    menu = QMenu(_tr("&Scenarios"), window)
    for action in actions:
        menu.addAction(action)
    bar = window.menuBar()
    view = bar.actions()[2]   # File, Training, View, Help (frame.build_menus)
    bar.insertMenu(view, menu)
    return menu
