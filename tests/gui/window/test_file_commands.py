"""The File menu round trips (checkpoint, grid PNG, metrics CSV) and remembered settings."""

from __future__ import annotations

import csv

import numpy as np
from PIL import Image

from ganstudio.gui.panels.speed_control import SPEEDS
from ganstudio.gui.training.controller import State

from support.gui import iterations_so_far


def _answer_dialogs(monkeypatch, path):
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(path), ""))
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName",
                        lambda *args, **kwargs: (str(path), ""))


def _train_steps(window, qtbot, count):
    for expected in range(iterations_so_far(window) + 1, iterations_so_far(window) + count + 1):
        window.actions.step.trigger()
        qtbot.waitUntil(lambda: iterations_so_far(window) == expected, timeout=10_000)


def test_checkpoint_round_trip_through_the_menu(make_window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "run.npz"
    _answer_dialogs(monkeypatch, path)
    window = make_window()
    _train_steps(window, qtbot, 4)
    saved_grid = window.controller.session.sample()
    saved_history = window.controller.history.column("d_real").copy()
    window.actions.save_checkpoint.trigger()
    assert path.is_file()
    assert window.controller.state is State.PAUSED           # saving kept the paused state
    _train_steps(window, qtbot, 2)
    window.actions.reset.trigger()
    assert window.controller.session.iteration == 0

    window.actions.open_checkpoint.trigger()
    session = window.controller.session
    assert session.iteration == 4
    assert np.array_equal(session.sample(), saved_grid)
    assert np.array_equal(window.view.grid.mosaic[:28, :28], saved_grid[0])
    assert np.array_equal(window.controller.history.column("d_real"), saved_history)
    assert "4" in window.status.iteration.text()
    # Not a placeholder: the smoothed mean of the loaded history, as the plot shows it.
    assert f"D(real) ≈ {saved_history[-50:].mean():.2f}" in window.status.means.text()
    _train_steps(window, qtbot, 1)                            # and training goes on from there
    assert session.iteration == 5


def test_saving_while_running_keeps_running(make_window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "running.npz"
    _answer_dialogs(monkeypatch, path)
    window = make_window()
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: iterations_so_far(window) >= 2, timeout=20_000)
    window.actions.save_checkpoint.trigger()
    assert path.is_file()
    assert window.controller.state is State.RUNNING
    reached = iterations_so_far(window)
    qtbot.waitUntil(lambda: iterations_so_far(window) > reached + 2, timeout=20_000)


def test_a_broken_checkpoint_shows_a_message_and_keeps_the_session(make_window, qtbot, tmp_path,
                                                                   monkeypatch):
    path = tmp_path / "broken.npz"
    path.write_bytes(b"PK\x03\x04 truncated")
    _answer_dialogs(monkeypatch, path)
    window = make_window()
    _train_steps(window, qtbot, 2)
    session = window.controller.session
    window.actions.open_checkpoint.trigger()
    assert window.controller.session is session
    assert window.message_bar.isVisible() and str(path) in window.message_bar.label.text()


def test_export_grid_png_and_metrics_csv(make_window, qtbot, tmp_path, monkeypatch):
    window = make_window()
    _train_steps(window, qtbot, 3)
    png = tmp_path / "grid.png"
    _answer_dialogs(monkeypatch, png)
    window.actions.export_grid.trigger()
    image = np.asarray(Image.open(png))
    assert image.shape == window.view.grid.mosaic.shape
    assert np.array_equal(image, window.view.grid.mosaic)

    table = tmp_path / "metrics.csv"
    _answer_dialogs(monkeypatch, table)
    window.actions.export_metrics.trigger()
    rows = list(csv.DictReader(table.open()))
    assert [int(row["iteration"]) for row in rows] == [1, 2, 3]
    assert abs(float(rows[-1]["d_real"]) - window.controller.history.column("d_real")[-1]) < 1e-5


def test_settings_remember_theme_preset_speed_and_digits(make_window, settings):
    window = make_window()
    window.actions.light_theme.trigger()
    window.preset_box.setCurrentIndex(window.preset_box.findData("mlp"))
    window.speed.set_notch(2)
    window.data_panel.digit_filter.set_digits((3, 5))
    window.close()

    again = make_window(config=None)                        # no configuration handed in
    assert again.theme.name == "light" and again.actions.light_theme.isChecked()
    assert again.preset_box.currentData() == "mlp"
    assert again.controller.session.config.name == "mlp"    # the chooser and the run agree
    assert again.speed.notch == 2
    assert again.data_panel.digit_filter.digits() == (3, 5)
    assert set(np.unique(again.controller.session.dataset.labels)) == {3, 5}


def test_every_menu_command_has_its_standard_shortcut(make_window):
    window = make_window()
    a = window.actions
    expected = {a.start_pause: "Space", a.step: "Right", a.step_stage: "Shift+Right",
                a.reset: "Ctrl+R", a.open_checkpoint: "Ctrl+O", a.save_checkpoint: "Ctrl+S",
                a.export_grid: "Ctrl+E"}
    for action, keys in expected.items():
        assert action.shortcut().toString() == keys, action.text()
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Training", "&Scenarios", "&View", "&Help"]


def test_about_names_versions_data_provenance_and_licences(make_window):
    import PySide6

    from ganstudio.gui.panels.about_dialog import AboutDialog

    window = make_window()
    text = AboutDialog(window).text.toPlainText()
    for needle in (PySide6.__version__, np.__version__, "CC BY-SA 3.0", "Juan Cazala", "MIT",
                   "LeCun"):
        assert needle in text, needle


def test_speed_control_paces_the_training_thread(make_window, qtbot):
    window = make_window()
    window.speed.set_notch(0)                                  # the slowest notch
    assert window.speed.interval == 1.0
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: window.controller.is_training_thread_alive, timeout=5_000)
    assert window.controller.worker.interval == 1.0
    window.speed.set_notch(len(SPEEDS) - 1)
    assert window.controller.worker.interval == 0.0          # as fast as possible, at once


def test_a_checkpoint_saved_between_stages_opens_and_finishes_its_iteration(make_window, qtbot,
                                                                           tmp_path, monkeypatch):
    from ganstudio.core.config.overrides import with_overrides
    from ganstudio.core.config.presets import get_preset

    path = tmp_path / "mid.npz"
    _answer_dialogs(monkeypatch, path)
    config = with_overrides(get_preset("seed"), {"real_per_iter": 100, "fake_per_iter": 100})
    window = make_window(config=config)
    names = window.controller.session.stage_names
    for name in names[:3]:                                    # up to "sample reals"
        window.actions.step_stage.trigger()
        qtbot.waitUntil(lambda: window.stages.current == name, timeout=10_000)
    window.actions.save_checkpoint.trigger()
    window.actions.reset.trigger()
    window.actions.open_checkpoint.trigger()
    session = window.controller.session
    assert (session.iteration, session.stage_index) == (0, 3)
    window.actions.step.trigger()                             # the rest of that iteration
    qtbot.waitUntil(lambda: iterations_so_far(window) == 1, timeout=10_000)
    assert window.controller.state is State.PAUSED            # not FAILED
    assert np.isfinite(window.controller.history.column("d_loss")).all()


def test_a_configuration_handed_in_shows_its_preset_in_the_chooser(make_window):
    from ganstudio.core.config.overrides import with_overrides
    from ganstudio.core.config.presets import get_preset

    seed = with_overrides(get_preset("seed"), {"real_per_iter": 100, "fake_per_iter": 100})
    window = make_window(config=seed)
    assert window.preset_box.currentData() == "seed"    # it said "fast" above a seed run
    assert window.controller.session.config.name == "seed"
