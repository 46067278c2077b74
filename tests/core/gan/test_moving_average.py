"""G's moving average and its warm-up (issue 21): the decay rises from 2/11 to g_ema, the
average follows it exactly, and a checkpoint keeps where the warm-up has got to."""

import json

import numpy as np
import pytest

from ganstudio.core.errors import CheckpointError
from ganstudio.core.formats.checkpoint import load_checkpoint, read_checkpoint, save_checkpoint
from ganstudio.core.gan.minibatch import ema_decay
from ganstudio.core.training.session import TrainingSession

from support.small_runs import small_config


def test_the_decay_rises_to_g_ema_and_stays():
    config = small_config("fast", g_ema=0.999, g_ema_warmup=10)
    decays = [ema_decay(config, t) for t in range(1, 20_000)]
    assert decays[0] == pytest.approx(2 / 11)
    assert all(a <= b for a, b in zip(decays, decays[1:]))
    assert decays[-1] == 0.999 and max(decays) == 0.999
    plain = small_config("fast", g_ema=0.999, g_ema_warmup=0)
    assert {ema_decay(plain, t) for t in (1, 10, 10_000)} == {0.999}


def test_the_average_takes_each_step_of_g_in_with_that_decay(small_data):
    session = TrainingSession(small_config("fast", iterations=4, g_ema=0.99, g_ema_warmup=10), small_data)
    algo = session.algorithm
    expected = plain = algo.generator.flat_params.astype(np.float64)
    runner = session.run()
    for t in range(1, 5):
        next(runner)
        beta = min(0.99, (1 + t) / (10 + t))
        expected = beta * expected + (1 - beta) * algo.generator.flat_params
        plain = 0.99 * plain + 0.01 * algo.generator.flat_params
        np.testing.assert_allclose(algo.generator_ema.flat_params, expected, rtol=1e-5, atol=1e-6)
    assert not np.allclose(algo.generator_ema.flat_params, plain, rtol=1e-5, atol=1e-6)   # it warmed up


@pytest.mark.parametrize("updates", [-1, 2**70, "many"])
def test_a_checkpoint_with_a_broken_warm_up_count_is_refused(small_data, tmp_path, updates):
    session = TrainingSession(small_config("fast", iterations=2), small_data)
    list(session.run())
    path = save_checkpoint(session, tmp_path / "c.npz")
    config, state = read_checkpoint(path)
    assert state["algo.ema_updates"] == 2
    with np.load(path, allow_pickle=False) as archive:
        arrays = dict(archive)
    meta = json.loads(str(arrays["meta"]))   # the checkpoint's numbers that are not arrays
    meta["algo.ema_updates"] = updates
    arrays["meta"] = np.array(json.dumps(meta))
    np.savez(tmp_path / "broken.npz", **arrays)
    with pytest.raises(CheckpointError):
        load_checkpoint(tmp_path / "broken.npz", small_data)
