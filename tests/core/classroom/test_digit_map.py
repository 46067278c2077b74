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
    loss, gradient, _scores = maps.loss_and_gradient(session, fakes, noise)
    tiny = 1e-3 / np.abs(gradient).max()
    assert maps.loss_and_gradient(session, fakes - tiny * gradient, noise)[0] < loss
    # And the arrow on the plane is exactly the projection of the step (the map is linear).
    to01 = 0.5 if session.config.pixel_range == "pm1" else 1.0
    plane = maps.plane_for(small_data)
    assert np.allclose(found.fakes_after - found.fakes, -found.step * to01 * gradient @ plane.axes.T)
    # The longest arrow is a readable share of the map.
    longest = np.linalg.norm(found.fakes_after - found.fakes, axis=1).max()
    assert longest == pytest.approx(maps.ARROW_SHARE * np.ptp(found.real_points, axis=0).max())


def test_the_plane_decodes_points_to_images_that_project_back_onto_them(small_data):
    plane = maps.plane_for(small_data)
    assert (plane.low, plane.high) == (small_data.images.min() / 255, small_data.images.max() / 255)
    points = np.random.default_rng(3).normal(scale=3.0, size=(50, 2))
    unclipped = maps.DigitPlane(plane.mean, plane.axes, -np.inf, np.inf)
    assert np.allclose(unclipped.project(unclipped.decode(points)), points)
    decoded = plane.decode(points)
    assert decoded.min() >= plane.low and decoded.max() <= plane.high
    assert np.array_equal(plane.decode(np.zeros((1, 2)))[0], np.clip(plane.mean, plane.low, plane.high))


@pytest.mark.parametrize("preset", ["mlp", "fast", "seed"])
def test_the_shading_is_ds_score_for_the_image_each_cell_centre_decodes_to(small_data, preset):
    session = trained(preset, small_data)
    found = maps.digit_map(session)
    cells = maps.SHADE_CELLS
    assert found.shade.shape == (cells, cells) and 0 <= found.shade.min() <= found.shade.max() <= 1
    x0, y0, x1, y1 = found.box
    every = np.concatenate([found.real_points, found.fakes, found.fakes_after])
    assert x0 < every[:, 0].min() and every[:, 0].max() < x1
    assert y0 < every[:, 1].min() and every[:, 1].max() < y1
    centres = maps.cell_centres(found.box).reshape(cells, cells, 2)
    assert np.allclose(centres[0, 0], [x0 + (x1 - x0) / (2 * cells), y0 + (y1 - y0) / (2 * cells)])
    assert np.all(np.diff(centres[:, :, 0], axis=1) > 0) and np.all(np.diff(centres[:, :, 1], axis=0) > 0)
    # D, asked directly, about three cells' images (D's own pixel range; with clusters the
    # nearest one, as the training digits are told theirs).
    algorithm, plane = session.algorithm, maps.plane_for(small_data)
    for i, j in [(0, 0), (cells // 2, cells // 3), (cells - 1, cells - 2)]:
        image = np.clip(plane.mean + centres[i, j] @ plane.axes, plane.low, plane.high)[None]
        x = (image * 2 - 1 if session.config.pixel_range == "pm1" else image).astype(np.float32)
        if getattr(algorithm, "clusters", None) is not None:
            code = np.zeros((1, algorithm.clusters.count), np.float32)
            code[0, np.argmin(((algorithm.clusters.centres - x) ** 2).sum(axis=1))] = 1
            x = np.concatenate([x, code], axis=1)
        asked = algorithm.discriminator.forward(x, training=False)[0, 0]
        assert found.shade[i, j] == pytest.approx(asked, abs=1e-5)
    assert found.fake_scores.shape == (100,) and np.all((found.fake_scores >= 0) & (found.fake_scores <= 1))


def test_the_fakes_spread_is_the_rms_distance_from_their_centre():
    fakes = np.array([[0.0, 0.0], [2.0, 0.0], [0.0, 2.0], [2.0, 2.0]])
    found = maps.DigitMap(np.zeros((1, 2)), None, fakes, fakes, 1.0, 0)
    assert found.spread() == pytest.approx(np.sqrt(2))


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


def test_the_map_timeline_keeps_a_map_at_each_timeline_frame_with_d_as_it_was_then(small_data):
    from ganstudio.core.training.timeline import Timeline

    session = TrainingSession(small_config("fast", iterations=23), small_data)
    session.use_timeline(Timeline(spacing=2, capacity=4))   # thinned twice in 23 iterations
    maps_of_run = maps.MapTimeline()
    maps_of_run.follow(session)
    for _ in session.run(log_every=1):
        maps_of_run.follow(session)
        assert len(maps_of_run) <= 4
    kept = session.timeline.snapshot()[0]
    frames = maps_of_run.frames(session)
    assert [f.iteration for f in frames] == kept + ([23] if kept[-1] < 23 else [])
    assert kept[0] == 0 and len(kept) >= 2 and session.timeline.spacing >= 8   # thinned
    # A frame is the map of the run at its iteration: the same as a second run stopped there.
    middle = frames[len(frames) // 2]
    again = TrainingSession(small_config("fast", iterations=23), small_data)
    while again.iteration < middle.iteration:
        again.run_iteration()
    fresh = maps.digit_map(again)
    assert np.array_equal(middle.fakes, fresh.fakes) and np.array_equal(middle.shade, fresh.shade)
    assert np.allclose(middle.fakes_after, fresh.fakes_after)
    assert all(f.real_points is frames[0].real_points for f in frames)   # shared, not copied
