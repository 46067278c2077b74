"""Test-wide setup. The offscreen platform must be chosen before anything imports Qt."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402  (after the platform is chosen)


# Fixtures shared by the window tests. Qt is imported inside them, never at module level:
# test_core_without_qt runs with Qt made unimportable.
@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    from ganstudio.gui.window_settings import WindowSettings

    return WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot, settings, monkeypatch, tmp_path):
    """Builds shown windows on the tiny configuration; pytest-qt closes them afterwards."""
    monkeypatch.setenv("GANSTUDIO_DATA_DIR", str(tmp_path / "data"))
    from ganstudio.gui.main_window import MainWindow

    from gui_support import TINY_CONFIG, tiny_dataset

    def make(config=TINY_CONFIG, dataset=None, window_settings=None):
        window = MainWindow(window_settings or settings, dataset or tiny_dataset(), config)
        qtbot.addWidget(window)
        window.show()
        return window

    return make
