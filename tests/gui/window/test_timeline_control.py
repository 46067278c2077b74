"""The timeline in the window: the slider scrubs back while paused and resuming returns to now;
Reset clears it; File ▸ Export Timeline writes a GIF and a contact sheet, or says why not."""

from __future__ import annotations

import numpy as np
from PIL import Image

from ganstudio.core.formats.run_outputs import tile_digits
from ganstudio.core.training.timeline import Timeline
from ganstudio.gui.training.controller import State


def _answer_save_dialog(monkeypatch, path):
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(path), ""))


def _trained_and_paused(make_window, qtbot, frames=4):
    """A window whose session kept at least `frames` frames (one every 2 iterations), paused."""
    window = make_window()
    window.controller.session.use_timeline(Timeline(spacing=2))
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: len(window.controller.session.timeline) >= frames, timeout=30_000)
    assert not window.view.timeline.slider.isEnabled()   # running: nothing to scrub
    window.actions.start_pause.trigger()
    assert window.controller.state is State.PAUSED
    qtbot.waitUntil(lambda: window.controller.last_progress is not None
                    and window.controller.last_progress.paused, timeout=10_000)
    return window


def test_the_slider_shows_an_old_frame_while_paused_and_resuming_returns_to_now(make_window, qtbot):
    window = _trained_and_paused(make_window, qtbot)
    bar, grid = window.view.timeline, window.view.grid
    iterations, frames = window.controller.session.timeline.snapshot()
    qtbot.waitUntil(lambda: bar.slider.isEnabled() and bar.slider.maximum() == len(frames), timeout=10_000)
    now = grid.mosaic.copy()
    assert bar.at_now and bar.label.text() == "now"

    bar.slider.setValue(1)   # as a drag would
    assert np.array_equal(grid.mosaic, tile_digits(frames[1], 10, 10))
    # Every 2nd iteration, or every 4th, 8th, ... once the timeline has thinned itself (a
    # loaded machine may run past its 64 frames before the pause takes effect).
    assert bar.label.text() == f"iteration {iterations[1]}"
    assert iterations[1] - iterations[0] == window.controller.session.timeline.spacing >= 2
    assert bar.slider.toolTip() == f"Frame 2 of {len(frames)} kept"
    bar.slider.setValue(bar.slider.maximum())
    assert np.array_equal(grid.mosaic, now) and bar.label.text() == "now"

    bar.slider.setValue(0)
    assert np.array_equal(grid.mosaic, tile_digits(frames[0], 10, 10))
    window.actions.start_pause.trigger()   # resume: back to live training
    assert bar.at_now and not bar.slider.isEnabled()
    paused_at = window.controller.session.iteration
    qtbot.waitUntil(lambda: window.controller.last_progress.iteration > paused_at
                    and grid.digits is window.controller.latest_samples, timeout=20_000)
    assert not np.array_equal(grid.mosaic, tile_digits(frames[0], 10, 10))
    window.actions.start_pause.trigger()


def test_a_step_while_scrubbed_returns_to_now(make_window, qtbot):
    window = _trained_and_paused(make_window, qtbot, frames=2)
    bar = window.view.timeline
    qtbot.waitUntil(bar.slider.isEnabled, timeout=10_000)
    bar.slider.setValue(0)
    assert not bar.at_now
    before = window.controller.session.iteration
    window.actions.step.trigger()
    qtbot.waitUntil(lambda: window.controller.last_progress.iteration == before + 1, timeout=10_000)
    assert bar.at_now and bar.label.text() == "now"
    assert window.view.grid.digits is window.controller.latest_samples


def test_reset_clears_the_timeline(make_window, qtbot):
    window = _trained_and_paused(make_window, qtbot)
    window.actions.reset.trigger()
    assert window.controller.session.timeline.snapshot()[0] == [0]
    assert window.view.timeline.slider.maximum() == 1 and window.view.timeline.at_now


def test_export_timeline_as_gif_and_contact_sheet(make_window, qtbot, tmp_path, monkeypatch):
    window = _trained_and_paused(make_window, qtbot, frames=3)
    iterations = window.controller.session.timeline.frames_until(window.controller.session.iteration,
                                                                   np.zeros((1, 28, 28), np.uint8))[0]
    gif = tmp_path / "run.gif"
    _answer_save_dialog(monkeypatch, gif)
    window.actions.export_timeline_gif.trigger()
    qtbot.waitUntil(lambda: not window.timeline.busy, timeout=30_000)
    with Image.open(gif) as image:
        assert image.n_frames == len(iterations)
    assert window.controller.state is State.PAUSED   # the export left training as it was
    assert "Saved" in window.statusBar().currentMessage()

    sheet = tmp_path / "run.png"
    _answer_save_dialog(monkeypatch, sheet)
    window.actions.export_timeline_sheet.trigger()
    qtbot.waitUntil(lambda: not window.timeline.busy, timeout=30_000)
    with Image.open(sheet) as image:
        assert image.mode == "L" and image.width > 298 * min(len(iterations), 5)


def test_an_export_that_cannot_be_written_says_so_and_keeps_the_state(make_window, qtbot, tmp_path,
                                                                      monkeypatch):
    window = _trained_and_paused(make_window, qtbot, frames=2)
    iteration = window.controller.session.iteration
    target = tmp_path / "no such folder" / "run.gif"
    _answer_save_dialog(monkeypatch, target)
    window.actions.export_timeline_gif.trigger()
    qtbot.waitUntil(lambda: "could not write" in window.message_bar.label.text(), timeout=30_000)
    message = window.message_bar.label.text()
    assert str(target) in message and "\n" not in message and ".tmp" not in message
    assert window.controller.state is State.PAUSED and window.controller.session.iteration == iteration
    assert not target.parent.exists()
