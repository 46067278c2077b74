"""Checkpoints: exact resume, atomic writes, clear errors for broken or foreign files."""

import os
import zipfile

import numpy as np
import pytest

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset
from ganstudio.core.errors import CheckpointError
from ganstudio.core.formats.checkpoint import load_checkpoint, read_checkpoint, save_checkpoint
from ganstudio.core.training.session import TrainingSession

CONFIGS = {
    "seed": {"iterations": 6, "real_per_iter": 200, "fake_per_iter": 200},
    "fast": {"iterations": 6, "batch_size": 16},
    "conditional": {"iterations": 6, "batch_size": 16},
    "goodfellow2014": {"iterations": 6, "g_hidden": (32,), "d_hidden": (16,), "batch_size": 8},
}


def uninterrupted_and_started(preset, data, started_iterations):
    """The preset's whole run, and a second session that has trained `started_iterations`."""
    config = with_overrides(get_preset(preset), CONFIGS[preset])
    straight = TrainingSession(config, data)
    list(straight.run())
    started = TrainingSession(config, data)
    runner = started.run()
    while next(runner).iteration < started_iterations:
        pass
    runner.close()
    return config, straight, started


def assert_same_run(resumed, straight):
    assert resumed.iteration == straight.iteration
    for name, net in straight.algorithm.networks.items():
        assert np.array_equal(net.flat_params, resumed.algorithm.networks[name].flat_params), name
    assert resumed.history == straight.history


@pytest.mark.parametrize("preset", list(CONFIGS))
def test_resume_continues_exactly_like_an_uninterrupted_run(preset, small_data, tmp_path):
    config, straight, first = uninterrupted_and_started(preset, small_data, 3)
    path = save_checkpoint(first, tmp_path / "half.npz")
    resumed = load_checkpoint(path, small_data)
    assert resumed.iteration == 3 and resumed.config == config
    list(resumed.run())
    assert_same_run(resumed, straight)
    assert np.array_equal(resumed.sample(), straight.sample())


def test_a_checkpoint_samples_without_any_dataset(small_data, tmp_path):
    session = TrainingSession(with_overrides(get_preset("fast"), {"iterations": 2}), small_data)
    list(session.run())
    loaded = load_checkpoint(save_checkpoint(session, tmp_path / "c.npz"))
    assert np.array_equal(loaded.sample(), session.sample())


def good_file(data, tmp_path):
    session = TrainingSession(with_overrides(get_preset("fast"), {"iterations": 1}), data)
    return save_checkpoint(session, tmp_path / "good.npz")


def test_truncated_file_gets_a_message_naming_it(small_data, tmp_path):
    path = good_file(small_data, tmp_path)
    broken = tmp_path / "broken.npz"
    broken.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(CheckpointError, match="broken.npz"):
        load_checkpoint(broken)


@pytest.mark.parametrize("content", [b"", b"hello", b"PK\x03\x04garbage" * 10])
def test_garbage_is_refused(tmp_path, content):
    path = tmp_path / "junk.npz"
    path.write_bytes(content)
    with pytest.raises(CheckpointError, match="junk.npz"):
        read_checkpoint(path)


def test_a_foreign_npz_is_refused(tmp_path):
    path = tmp_path / "mnist.npz"
    np.savez(path, x_train=np.zeros((2, 28, 28), np.uint8))
    with pytest.raises(CheckpointError, match="not a GAN Studio checkpoint"):
        read_checkpoint(path)


def test_missing_file(tmp_path):
    with pytest.raises(CheckpointError, match="does not exist"):
        read_checkpoint(tmp_path / "nope.npz")


def test_weights_that_do_not_fit_the_config_are_refused(small_data, tmp_path):
    path = good_file(small_data, tmp_path)
    with np.load(path) as npz:
        contents = dict(npz)
    key = next(k for k in contents if k.startswith("algo.net."))
    contents[key] = contents[key][:10]
    bad = tmp_path / "bad.npz"
    np.savez(bad, **contents)
    with pytest.raises(CheckpointError, match="bad.npz"):
        load_checkpoint(bad)


def test_a_failed_save_keeps_the_previous_checkpoint(small_data, tmp_path, monkeypatch):
    path = good_file(small_data, tmp_path)
    before = path.read_bytes()
    session = TrainingSession(with_overrides(get_preset("fast"), {"iterations": 3}), small_data)
    list(session.run())

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(CheckpointError, match="No space left on device"):
        save_checkpoint(session, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["good.npz"]


def test_saved_file_is_a_plain_npz_without_pickles(small_data, tmp_path):
    path = good_file(small_data, tmp_path)
    assert zipfile.is_zipfile(path)
    with np.load(path, allow_pickle=False) as npz:
        assert str(npz["format"]) == "ganstudio-checkpoint"


BETWEEN_STAGES = [(preset, done) for preset in CONFIGS for done in (1, 2, 3, 4)]
# The classic iteration has 7 stages; after its 5th, D's check is still running beside G.
BETWEEN_STAGES += [("seed", 5), ("seed", 6)]


@pytest.mark.parametrize("preset, stages_done", BETWEEN_STAGES)
def test_a_checkpoint_saved_between_stages_finishes_the_iteration_exactly(preset, stages_done, small_data,
                                                                          tmp_path, monkeypatch):
    """Stepping stage by stage in the window and then saving is a normal thing to do."""
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "1")  # so that the classic D check runs beside
    _, straight, first = uninterrupted_and_started(preset, small_data, 2)
    for _ in range(stages_done):
        first.run_stage()
    assert first.stage_index == stages_done
    resumed = load_checkpoint(save_checkpoint(first, tmp_path / "mid.npz"), small_data)
    assert resumed.stage_index == stages_done
    list(resumed.run())
    assert_same_run(resumed, straight)
