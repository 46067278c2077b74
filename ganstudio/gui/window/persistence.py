"""What the window restores from WindowSettings at start and saves when it closes."""

from __future__ import annotations

from ganstudio.core.config.presets import DEFAULT_PRESET, PRESETS, get_preset
from ganstudio.gui.window.frame import show_preset

DEFAULT_SIZE = (1280, 720)   # fits a 1366x768 screen with its task bar
LARGEST_DEFAULT_SIZE = (1680, 1000)  # on big screens: room for the digits, not a wall of plots


def default_size(available) -> tuple[int, int]:
    """DEFAULT_SIZE on small screens; most of the screen, up to a limit, on larger ones."""
    width = min(max(DEFAULT_SIZE[0], int(available.width() * 0.9)), LARGEST_DEFAULT_SIZE[0])
    height = min(max(DEFAULT_SIZE[1], int(available.height() * 0.9)), LARGEST_DEFAULT_SIZE[1])
    return min(width, available.width()), min(height, available.height())


def restore_settings(window, config=None) -> None:
    """Preset, settings, speed, theme, size and layout, digit filter. `config`: start on this
    configuration instead of the remembered preset (tests, benchmarks)."""
    s = window.settings
    preset = s.preset if s.preset in PRESETS else DEFAULT_PRESET
    # A configuration handed in says which preset it is (the chooser showed "fast" above
    # a seed run that was started with the seed configuration).
    show_preset(window.preset_box, config.name if config is not None else preset)
    window.hyperparameters.set_config(config or get_preset(preset))
    if s.speed_notch >= 0:
        window.speed.set_notch(s.speed_notch)
    window.set_theme(window.theme_choice)
    window.set_zoom(s.zoom)
    window.resize(*default_size(window.screen().availableGeometry().size()))
    if not s.geometry.isEmpty():
        window.restoreGeometry(s.geometry)
    if not s.window_state.isEmpty():
        window.restoreState(s.window_state)
    sizes = [int(v) for v in s.splitters if str(v).isdigit()]
    if len(sizes) == 2:
        window.view.setSizes(sizes)
    digit_filter = window.data_panel.digit_filter
    digit_filter.blockSignals(True)   # the first reset applies it, once
    digit_filter.set_digits(tuple(int(d) for d in s.digits.split(",") if d.isdigit()) or None)
    digit_filter.blockSignals(False)


def save_settings(window) -> None:
    s = window.settings
    # The normal window's layout, also when it closes while presenting.
    s.geometry, s.window_state, s.splitters = window.presenter.normal_layout()
    s.theme = window.theme_choice
    s.zoom, s.presenter_zoom = window.presenter.zooms[False], window.presenter.zooms[True]
    s.preset = window.preset_box.currentData()
    s.speed_notch = window.speed.notch
    s.dataset = window.data.spec
    digits = window.data_panel.digit_filter.digits()
    s.digits = ",".join(map(str, digits)) if digits else ""
    s.sync()
