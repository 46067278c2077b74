"""The timeline: the grid kept every k iterations in bounded memory, saved in checkpoints,
exported as a GIF and a contact sheet with iteration numbers, and `ganstudio train`'s
timeline.gif."""

from __future__ import annotations

import zipfile

import numpy as np
import pytest
from PIL import Image

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset
from ganstudio.core.errors import CheckpointError
from ganstudio.core.formats.checkpoint import load_checkpoint, read_checkpoint, save_checkpoint
from ganstudio.core.formats.timeline_images import (
    BAND,
    FRAME_MS,
    LAST_FRAME_MS,
    SHEET_GAP,
    contact_sheet,
    labelled_frame,
    save_contact_sheet,
    save_gif,
    sheet_picks,
)
from ganstudio.core.training.session import TrainingSession
from ganstudio.core.training.timeline import FIRST_SPACING, FRAME_DIGITS, MAX_FRAMES, Timeline, TimelineError

from support.commands import ganstudio

FRAME_BYTES = FRAME_DIGITS * 28 * 28


def small(**overrides):
    base = {"iterations": 30, "g_hidden": (32,), "d_hidden": (32,), "batch_size": 16}
    return with_overrides(get_preset("fast"), {**base, **overrides})


def grid_of(value: int) -> np.ndarray:
    return np.full((FRAME_DIGITS, 28, 28), value % 256, np.uint8)


def fill(timeline: Timeline, iterations: int) -> None:
    """What the session does after each iteration, with a cheap stand-in for drawing."""
    for iteration in range(iterations + 1):
        if timeline.due(iteration):
            timeline.add(iteration, grid_of(iteration))


# ---------------------------------------------------------------------------- bounded memory
def test_a_long_run_keeps_at_most_the_cap_in_frames_and_bytes():
    timeline = Timeline()
    fill(timeline, 200_000)
    iterations, frames = timeline.snapshot()
    assert MAX_FRAMES // 2 < len(timeline) <= MAX_FRAMES
    assert timeline.nbytes <= MAX_FRAMES * FRAME_BYTES == 5_017_600
    assert all(f.dtype == np.uint8 and f.shape == (FRAME_DIGITS, 28, 28) for f in frames)
    # Evenly spaced over the whole run, at the doubled spacing.
    assert set(np.diff(iterations)) == {timeline.spacing} and timeline.spacing > FIRST_SPACING
    assert iterations[0] == 0 and 200_000 - iterations[-1] < timeline.spacing


def test_thinning_keeps_the_first_and_the_latest_frame():
    timeline = Timeline(spacing=1, capacity=8)
    for iteration in range(8):
        timeline.add(iteration, grid_of(iteration))
    assert len(timeline) == 8 and timeline.spacing == 1
    timeline.add(8, grid_of(8))   # one too many: every other one goes, the spacing doubles
    iterations, frames = timeline.snapshot()
    assert iterations == [0, 2, 4, 6, 8] and timeline.spacing == 2
    assert [int(f[0, 0, 0]) for f in frames] == iterations   # each frame stays with its iteration
    assert not timeline.due(9) and timeline.due(10)


def test_a_session_keeps_its_grid_with_the_iteration_it_was_drawn_at(small_data):
    session = TrainingSession(small(iterations=25), small_data)
    session.use_timeline(Timeline(spacing=3, capacity=4))
    assert session.timeline.snapshot()[0] == [0]
    list(session.run())
    iterations, frames = session.timeline.snapshot()
    assert len(iterations) <= 4 and iterations[0] == 0 and iterations[-1] > 12
    assert not np.array_equal(frames[-1], frames[0])   # trained, not the start
    again = TrainingSession(small(iterations=iterations[-1]), small_data)
    list(again.run())
    assert np.array_equal(frames[-1], again.grid_sample())


def test_keeping_a_timeline_leaves_training_bit_identical(small_data):
    every = TrainingSession(small(), small_data)
    every.use_timeline(Timeline(spacing=1, capacity=4))    # draws after every iteration
    never = TrainingSession(small(), small_data)
    never.use_timeline(Timeline(spacing=10 ** 9))
    list(every.run())
    list(never.run())
    assert len(every.timeline.snapshot()[0]) > 1 and len(never.timeline) == 1
    for name, net in every.algorithm.networks.items():
        assert np.array_equal(net.flat_params, never.algorithm.networks[name].flat_params), name
    assert every.history == never.history


def test_a_divergence_forgets_the_frames_after_the_state_it_goes_back_to(small_data):
    session = TrainingSession(small(iterations=100), small_data)
    session.use_timeline(Timeline(spacing=1, capacity=64))
    session._good_states.spacing = float("inf")   # keep only the state of the rate change
    runner = session.run()
    while next(runner).iteration < 10:
        pass
    runner.close()
    session.set_learning_rate("d", session.algorithm.optimizers["d"].lr)   # good state: 10
    runner = session.run()
    while next(runner).iteration < 15:
        pass
    runner.close()
    assert session.timeline.snapshot()[0][-1] == 15
    for optimizer in session.algorithm.optimizers.values():
        optimizer.lr = 1e30
    last = list(session.run())[-1]
    assert last.stop_reason.code == "diverged" and session.iteration == 10
    assert session.timeline.snapshot()[0] == list(range(11))


# ---------------------------------------------------------------------------- checkpoints
def test_a_resumed_run_has_the_timeline_of_an_uninterrupted_one(small_data, tmp_path):
    straight = TrainingSession(small(iterations=81), small_data)
    straight.use_timeline(Timeline(spacing=1))
    list(straight.run())
    first = TrainingSession(small(iterations=41), small_data)
    first.use_timeline(Timeline(spacing=1))
    list(first.run())
    resumed = load_checkpoint(save_checkpoint(first, tmp_path / "half.npz"), small_data)
    resumed.set_run_settings(iterations=81)
    list(resumed.run())
    (a_iterations, a_frames), (b_iterations, b_frames) = straight.timeline.snapshot(), resumed.timeline.snapshot()
    assert a_iterations == b_iterations == list(range(0, 82, 2))   # thinned once, after the resume
    assert straight.timeline.spacing == resumed.timeline.spacing == 2
    assert all(np.array_equal(a, b) for a, b in zip(a_frames, b_frames))


def test_a_checkpoint_without_a_timeline_starts_one_at_its_iteration(small_data, tmp_path):
    session = TrainingSession(small(iterations=7), small_data)
    list(session.run())
    path = save_checkpoint(session, tmp_path / "old.npz")
    with np.load(path) as npz:   # as written before timelines
        arrays = {k: npz[k] for k in npz.files if not k.startswith("timeline.")}
    np.savez(path, **arrays)
    loaded = load_checkpoint(path, small_data)
    iterations, frames = loaded.timeline.snapshot()
    assert iterations == [7] and np.array_equal(frames[0], session.grid_sample())


@pytest.mark.parametrize("damage, words", [
    ({"timeline.iterations": np.array([0, 40, 20])}, "do not increase"),
    ({"timeline.frames": np.zeros((3, 100, 28, 28), np.float32)}, "uint8"),
    ({"timeline.spacing": np.array(0)}, "spacing"),
    ({"timeline.iterations": np.arange(MAX_FRAMES + 2),
      "timeline.frames": np.zeros((MAX_FRAMES + 2, 1, 28, 28), np.uint8)}, "more than the 64"),
])
def test_a_damaged_timeline_is_refused_in_one_line(small_data, tmp_path, damage, words):
    session = TrainingSession(small(iterations=41), small_data)
    session.use_timeline(Timeline(spacing=20))
    list(session.run())
    path = save_checkpoint(session, tmp_path / "c.npz")
    with np.load(path) as npz:
        arrays = {k: npz[k] for k in npz.files}
    assert arrays["timeline.iterations"].tolist() == [0, 20, 40]
    np.savez(path, **{**arrays, **damage})
    with pytest.raises(CheckpointError) as caught:
        read_checkpoint(path)
    message = str(caught.value)
    assert "damaged timeline" in message and words in message and "\n" not in message


def test_timeline_arrays_are_plain_and_bounded_in_the_file(small_data, tmp_path):
    session = TrainingSession(small(iterations=5), small_data)
    path = save_checkpoint(session, tmp_path / "c.npz")
    with zipfile.ZipFile(path) as archive:
        sizes = {i.filename: i.file_size for i in archive.infolist() if i.filename.startswith("timeline.")}
    assert set(sizes) == {"timeline.iterations.npy", "timeline.frames.npy", "timeline.spacing.npy"}
    assert sizes["timeline.frames.npy"] < FRAME_BYTES + 200   # one frame (iteration 0) and a header


def test_from_state_refuses_frames_of_the_wrong_shape():
    with pytest.raises(TimelineError, match="shape"):
        Timeline.from_state({"iterations": np.array([0]), "frames": np.zeros((1, 100, 27, 28), np.uint8),
                             "spacing": np.array(20)})


# ---------------------------------------------------------------------------- pictures
def frames_of(count: int):
    rng = np.random.default_rng(0)
    return [i * 100 for i in range(count)], [rng.integers(0, 256, (100, 28, 28), dtype=np.uint8)
                                             for _ in range(count)]


def test_the_gif_has_a_frame_per_kept_grid_and_holds_the_last(tmp_path):
    iterations, frames = frames_of(7)
    save_gif(iterations, frames, tmp_path / "t.gif")
    with Image.open(tmp_path / "t.gif") as gif:
        assert gif.n_frames == 7 and gif.size == (596, 596 + 2 * BAND)
        durations = []
        for n in range(gif.n_frames):
            gif.seek(n)
            durations.append(gif.info["duration"])
        assert durations == [FRAME_MS] * 6 + [LAST_FRAME_MS]
        assert gif.info.get("loop") == 0
    assert [p.name for p in tmp_path.iterdir()] == ["t.gif"]   # written atomically: no temporary


def test_the_iteration_is_drawn_under_the_grid():
    images = np.zeros((100, 28, 28), np.uint8)
    one, other = labelled_frame(images, 1_200), labelled_frame(images, 19_800)
    assert one.shape == (298 + BAND, 298)
    assert np.array_equal(one[:298], other[:298])   # the digits untouched
    band_one, band_other = one[298:], other[298:]
    assert band_one.max() == 255 and (band_one == 255).sum() > 30   # text pixels
    assert not np.array_equal(band_one, band_other)                 # the number itself
    # Legible size: the text is several pixels tall.
    rows_with_text = np.flatnonzero((band_one > 128).any(axis=1))
    assert rows_with_text.max() - rows_with_text.min() >= 7


def test_a_contact_sheet_lays_out_up_to_twenty_frames_first_and_last_included(tmp_path):
    iterations, frames = frames_of(33)
    assert sheet_picks(33)[0] == 0 and sheet_picks(33)[-1] == 32 and len(sheet_picks(33)) == 20
    assert sheet_picks(3) == [0, 1, 2]
    sheet = contact_sheet(iterations, frames)
    cell_h, cell_w = 298 + BAND, 298
    assert sheet.shape == (4 * (cell_h + SHEET_GAP) + SHEET_GAP, 5 * (cell_w + SHEET_GAP) + SHEET_GAP)
    last_cell = sheet[SHEET_GAP + 3 * (cell_h + SHEET_GAP):][:cell_h, SHEET_GAP + 4 * (cell_w + SHEET_GAP):][:, :cell_w]
    assert np.array_equal(last_cell, labelled_frame(frames[32], iterations[32]))
    save_contact_sheet(iterations[:2], frames[:2], tmp_path / "s.png")
    with Image.open(tmp_path / "s.png") as png:
        assert png.size == (2 * (cell_w + SHEET_GAP) + SHEET_GAP, cell_h + 2 * SHEET_GAP)


def test_the_first_spacing_keeps_drawing_a_small_share_of_training(small_data):
    assert TrainingSession(small(), small_data).timeline.spacing == FIRST_SPACING == 100
    classic = with_overrides(get_preset("seed"), {"real_per_iter": 200, "fake_per_iter": 200})
    assert TrainingSession(classic, small_data).timeline.spacing == 10   # an iteration is an epoch


def test_an_export_ends_on_the_grid_of_now():
    timeline = Timeline(spacing=20)
    fill(timeline, 50)
    iterations, frames = timeline.frames_until(57, grid_of(57))
    assert iterations == [0, 20, 40, 57] and frames[-1][0, 0, 0] == 57
    assert timeline.frames_until(40, grid_of(1))[0] == [0, 20, 40]   # nothing newer: as kept


# ---------------------------------------------------------------------------- command line
def test_train_writes_timeline_gif(tmp_path):
    command = ["train", "--iterations", "205", "--seed", "3", "--out", str(tmp_path),
               "--set", "g_hidden=32", "--set", "d_hidden=32", "--set", "batch_size=16"]
    result = ganstudio(*command, timeout=180)
    assert result.returncode == 0, result.stderr
    with Image.open(tmp_path / "timeline.gif") as gif:
        assert gif.n_frames == 4   # iterations 0, 100, 200 and the final 205
    assert "timeline.gif" in (tmp_path / "manifest.json").read_text()
