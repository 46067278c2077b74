"""What the window restores from WindowSettings at start and saves when it closes."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QMainWindow

from ganstudio.core.config.presets import DEFAULT_PRESET, PRESETS, get_preset
from ganstudio.gui.panels.hyperparameter_panel import HyperparameterPanel
from ganstudio.gui.panels.speed_control import SpeedControl
from ganstudio.gui.views.training_view import TrainingView
from ganstudio.gui.window.dataset_choice import DatasetChoice
from ganstudio.gui.window.frame import show_preset
from ganstudio.gui.window.presenter import PresenterMode
from ganstudio.gui.window.saved_settings import WindowSettings

DEFAULT_SIZE = (1280, 720)   # fits a 1366x768 screen with its task bar
LARGEST_DEFAULT_SIZE = (1680, 1000)  # on big screens: room for the digits, not a wall of plots


def default_size(available) -> tuple[int, int]:
    """DEFAULT_SIZE on small screens; most of the screen, up to a limit, on larger ones."""
    width = min(max(DEFAULT_SIZE[0], int(available.width() * 0.9)), LARGEST_DEFAULT_SIZE[0])
    height = min(max(DEFAULT_SIZE[1], int(available.height() * 0.9)), LARGEST_DEFAULT_SIZE[1])
    return min(width, available.width()), min(height, available.height())


class WindowPersistence:
    """The window's choices and layout in `settings`. The theme and zoom are the window's own
    (it applies them between restore_choices and restore_layout, as fonts size the layout)."""

    def __init__(self, settings: WindowSettings, window: QMainWindow, presenter: PresenterMode,
                 view: TrainingView, preset_box: QComboBox, hyperparameters: HyperparameterPanel,
                 speed: SpeedControl, data: DatasetChoice) -> None:
        # `window`: the Qt window whose size and dock layout are kept (its QMainWindow calls only).
        self._settings, self._window, self._presenter, self._view = settings, window, presenter, view
        self._preset_box, self._hyperparameters = preset_box, hyperparameters
        self._speed, self._data = speed, data

    def restore_choices(self, config=None) -> None:
        """Preset, settings, speed, digit filter. `config`: start on this configuration instead
        of the remembered preset (tests, benchmarks)."""
        s = self._settings
        preset = s.preset if s.preset in PRESETS else DEFAULT_PRESET
        # A configuration handed in says which preset it is (the chooser showed "fast" above
        # a seed run that was started with the seed configuration).
        show_preset(self._preset_box, config.name if config is not None else preset)
        self._hyperparameters.set_config(config or get_preset(preset))
        if s.speed_notch >= 0:
            self._speed.set_notch(s.speed_notch)
        # The first reset applies it, once.
        self._data.set_digits_quietly(tuple(int(d) for d in s.digits.split(",") if d.isdigit()) or None)

    def restore_layout(self) -> None:
        """Size and place, docks and toolbar, the splitter between digits and plots."""
        s, w = self._settings, self._window
        w.resize(*default_size(w.screen().availableGeometry().size()))
        if not s.geometry.isEmpty():
            w.restoreGeometry(s.geometry)
        if not s.window_state.isEmpty():
            w.restoreState(s.window_state)
        sizes = [int(v) for v in s.splitters if str(v).isdigit()]
        if len(sizes) == 2:
            self._view.setSizes(sizes)

    def save(self, theme_choice: str) -> None:
        s, presenter = self._settings, self._presenter
        # The normal window's layout, also when it closes while presenting.
        s.geometry, s.window_state, s.splitters = presenter.normal_layout()
        s.theme = theme_choice
        s.zoom, s.presenter_zoom = presenter.zooms[False], presenter.zooms[True]
        s.preset = self._preset_box.currentData()
        s.speed_notch = self._speed.notch
        s.dataset = self._data.spec
        digits = self._data.digits()
        s.digits = ",".join(map(str, digits)) if digits else ""
        s.sync()
