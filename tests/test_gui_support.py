"""Shared set-up for the window tests: a tiny, fast configuration, a small slice of the bundled
digits, and settings in a temporary .ini file so no test touches the user's settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from ganstudio.core.config import get_preset, with_overrides
from ganstudio.core.data import Dataset, load_bundled

TINY_CONFIG = with_overrides(get_preset("fast"), {
    "g_hidden": (32,), "d_hidden": (32,), "noise_dim": 16, "batch_size": 16,
    "iterations": 1_000_000,
})


def tiny_dataset() -> Dataset:
    full = load_bundled()
    return Dataset(full.images[:600].copy(), full.labels[:600].copy(), "MNIST (bundled, 600)",
                   "bundled")


@pytest.fixture
def settings(tmp_path):
    from ganstudio.gui.window_settings import WindowSettings

    return WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot, settings, monkeypatch, tmp_path):
    """Builds shown windows on the tiny configuration; pytest-qt closes them afterwards."""
    monkeypatch.setenv("GANSTUDIO_DATA_DIR", str(tmp_path / "data"))
    from ganstudio.gui.main_window import MainWindow

    def make(config=TINY_CONFIG, dataset=None, window_settings=None):
        window = MainWindow(window_settings or settings, dataset or tiny_dataset(), config)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


def iterations_so_far(window) -> int:
    """The iteration the window has shown (before any progress: the session's own)."""
    last = window.controller.last_progress
    return window.controller.session.iteration if last is None else last.iteration
