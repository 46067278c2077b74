"""The map of digit space (issue 22 part 1): a plane fitted once per dataset that training does
not move; each fake's arrow is a step down G's loss as D judges it now; making a map changes
nothing in the session."""

from __future__ import annotations

import numpy as np
import pytest

from ganstudio.core.classroom import digit_map as maps
from ganstudio.core.gan.model_parts import IMAGE_SIZE
from ganstudio.core.training.session import TrainingSession

from support.small_runs import small_config


def trained(preset, data, iterations=6):
    session = TrainingSession(small_config(preset, iterations=iterations), data)
    for _ in session.run(log_every=iterations):
        pass
    return session


def test_the_plane_is_fitted_once_per_dataset_and_is_orthonormal(small_data):
    maps._CACHE.clear()
    plane = maps.plane_for(small_data)
    assert maps.plane_for(small_data) is plane and len(maps._CACHE) == 1
    assert np.allclose(plane.axes @ plane.axes.T, np.eye(2))
    again = maps.fit_plane(small_data.images)
    assert np.array_equal(again.axes, plane.axes) and np.array_equal(again.mean, plane.mean)


def test_the_first_axis_is_the_direction_of_most_variation(small_data):
    plane = maps.plane_for(small_data)
    x = small_data.images.reshape(-1, IMAGE_SIZE) / 255.0
    spread = plane.project(x).var(axis=0)
    for other in np.random.default_rng(1).normal(size=(20, IMAGE_SIZE)):
        other /= np.linalg.norm(other)
        assert ((x - plane.mean) @ other).var() <= spread[0] + 1e-9
    assert spread[0] >= spread[1]


def test_training_does_not_move_the_plane_or_the_real_clouds(small_data):
    first = maps.digit_map(trained("fast", small_data, 3))
    later = maps.digit_map(trained("fast", small_data, 12))
    assert np.array_equal(first.real_points, later.real_points)
    assert not np.array_equal(first.fakes, later.fakes)


@pytest.mark.parametrize("preset", ["fast", "conditional", "mlp", "seed", "goodfellow2014"])
def test_each_arrow_points_down_gs_loss(small_data, preset):
    session = trained(preset, small_data)
    found = maps.digit_map(session)
    assert found.real_points.shape == (len(found.real_points), 2) and found.fakes.shape == (100, 2)
    assert found.fakes_after.shape == found.fakes.shape and found.step > 0
    assert set(np.unique(found.real_labels)) == set(range(10))
    # The arrows' direction is -∇L: a tiny step that way lowers G's loss on the batch.
    fakes = np.array(session.algorithm.generate(session.fixed_noise), np.float64)
    noise = session.fixed_noise
    loss, gradient = maps.loss_and_gradient(session, fakes, noise)
    tiny = 1e-3 / np.abs(gradient).max()
    assert maps.loss_and_gradient(session, fakes - tiny * gradient, noise)[0] < loss
    # And the arrow on the plane is exactly the projection of the step (the map is linear).
    to01 = 0.5 if session.config.pixel_range == "pm1" else 1.0
    plane = maps.plane_for(small_data)
    assert np.allclose(found.fakes_after - found.fakes, -found.step * to01 * gradient @ plane.axes.T)
    # The longest arrow is a readable share of the map.
    longest = np.linalg.norm(found.fakes_after - found.fakes, axis=1).max()
    assert longest == pytest.approx(maps.ARROW_SHARE * np.ptp(found.real_points, axis=0).max())


def test_making_a_map_changes_nothing_in_the_session(small_data):
    with_map = TrainingSession(small_config("fast", iterations=8), small_data)
    without = TrainingSession(small_config("fast", iterations=8), small_data)
    for _ in range(4):
        with_map.run_iteration()
        without.run_iteration()
    maps.digit_map(with_map)
    for _ in range(4):
        with_map.run_iteration()
        without.run_iteration()
    a, b = with_map.state_dict(), without.state_dict()
    assert all(np.array_equal(a[k], b[k]) for k in a if isinstance(a[k], np.ndarray))


def test_a_map_needs_real_digits(small_data):
    session = TrainingSession(small_config("fast", iterations=1), None)
    with pytest.raises(ValueError):
        maps.digit_map(session)
