"""Adaptive augmentation of D's inputs (config `d_augment_target`, core/gan/augment.py)."""

import numpy as np
import pytest

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset
from ganstudio.core.errors import ConfigError
from ganstudio.core.formats.checkpoint import load_checkpoint, save_checkpoint
from ganstudio.core.gan.augment import (
    ADJUST_EVERY,
    FULL_SWING,
    AdaptiveAugment,
    shift_images,
    unshift_gradient,
)
from ganstudio.core.training.session import TrainingSession


def test_a_shift_moves_the_image_and_fills_with_the_background():
    rows = np.zeros((2, 784 + 3), np.float32)
    rows[:, 784:] = 7.0                      # a cluster code: never moved
    image = rows[:, :784].reshape(2, 28, 28)
    image[:, 10, 10] = 1.0
    image[:, 0, :] = 0.5                     # the top row, to be pushed out by a shift down
    shift_images(rows, np.array([[0, 0], [2, -1]]), background=-1.0)
    first, second = rows[0, :784].reshape(28, 28), rows[1, :784].reshape(28, 28)
    assert first[10, 10] == 1.0 and first[0, 5] == 0.5            # (0, 0): untouched
    # out[y, x] = in[y + dy, x + dx]: dy = 2 brings row 12 to 10, dx = −1 column 9 to 10.
    assert second[8, 11] == 1.0 and second[10, 10] == 0.0
    assert np.all(second[26:, :] == -1.0) and np.all(second[:, 0] == -1.0)
    assert np.all(rows[:, 784:] == 7.0)


def test_the_shift_gradient_matches_finite_differences():
    rng = np.random.default_rng(0)
    x = rng.random((4, 784))
    shifts = rng.integers(-2, 3, size=(4, 2))
    shifts[0] = 0
    weights = rng.random((4, 784))

    def f(images):
        moved = images.copy()
        shift_images(moved, shifts, background=-1.0)
        return np.sum(weights * moved)

    analytic = unshift_gradient(weights, shifts)
    for i in range(4):
        for j in rng.choice(784, 40, replace=False):
            up, down = x.copy(), x.copy()
            up[i, j] += 1e-6
            down[i, j] -= 1e-6
            assert (f(up) - f(down)) / 2e-6 == pytest.approx(analytic[i, j], abs=1e-6)


def test_p_follows_the_overfitting_signal_and_costs_nothing_at_zero():
    augment = AdaptiveAugment(target=0.6)
    rng = np.random.default_rng(0)
    state = rng.bit_generator.state
    assert augment.draw_shifts(8, rng) is None and rng.bit_generator.state == state
    for _ in range(4 * ADJUST_EVERY):          # D sure of every real: p rises
        augment.observe(np.ones(16))
    assert augment.p == pytest.approx(4 * ADJUST_EVERY / FULL_SWING)
    shifts = augment.draw_shifts(10_000, rng)
    assert 0 < np.count_nonzero(np.any(shifts, axis=1)) < 100   # about p · 24/25 of the rows
    for _ in range(40 * ADJUST_EVERY):         # balanced again: p falls back to 0, not below
        augment.observe(np.array([1.0, -1.0]))
    assert augment.p == 0.0


def test_bad_targets_are_refused():
    for bad in ({"d_augment_target": 1.0}, {"d_augment_target": -0.1},
                {"d_augment_target": 0.6, "algorithm": "classic"}):
        with pytest.raises(ConfigError):
            with_overrides(get_preset("fast"), bad)


@pytest.mark.parametrize("reuse", [True, False])
def test_a_run_with_augmentation_resumes_exactly(small_data, tmp_path, reuse):
    config = with_overrides(get_preset("fast"), {"iterations": 8, "batch_size": 16,
                                                 "d_augment_target": 0.6, "g_reuses_fakes": reuse})

    def started():
        session = TrainingSession(config, small_data)
        session.algorithm.augment.p = 0.5   # as if D had been overfitting
        return session

    straight = started()
    list(straight.run())
    first = started()
    runner = first.run()
    while next(runner).iteration < 3:
        pass
    runner.close()
    for _ in range(3):   # save in the middle of an iteration, after D's step has shifted
        first.run_stage()
    assert first.stage_index == 3 and first.algorithm._fake_shifts is not None
    resumed = load_checkpoint(save_checkpoint(first, tmp_path / "mid.npz"), small_data)
    assert np.array_equal(resumed.algorithm._fake_shifts, first.algorithm._fake_shifts)
    assert resumed.algorithm.augment.p == first.algorithm.augment.p
    list(resumed.run())
    for name, net in straight.algorithm.networks.items():
        assert np.array_equal(net.flat_params, resumed.algorithm.networks[name].flat_params), name
    assert resumed.history == straight.history
