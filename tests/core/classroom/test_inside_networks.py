"""Looking inside the networks: G's weights as images, a latent walk, and D asked about one
image through a private copy (core/classroom/inside_generator.py, core/classroom/discriminator_probe.py), and the
worker's hook that copies them between records."""

import threading

import numpy as np
import pytest

from ganstudio.core.classroom.discriminator_probe import (
    DiscriminatorProbe,
    DiscriminatorWeights,
    copy_discriminator,
)
from ganstudio.core.classroom.inside_generator import (
    LatentWalk,
    interpolate,
    single_layer_weights,
    weight_images,
)
from ganstudio.core.gan.model_parts import images_to_input
from ganstudio.core.training.session import TrainingSession
from ganstudio.core.training.worker import TrainingWorker

from support.small_runs import small_config


def small(preset, **overrides):
    return small_config(preset, **{"iterations": 1000, **overrides})


# ----- G's weights as images ------------------------------------------------------------------
def test_each_weight_row_becomes_the_image_of_what_its_dimension_paints():
    weights = np.zeros((100, 784), np.float32)
    weights[3, 0] = 1.0          # dimension 3 adds ink at the top-left pixel
    weights[7, 783] = -1.0       # dimension 7 takes it away at the bottom-right one
    images = weight_images(weights, 100)
    assert images.shape == (100, 28, 28) and images.dtype == np.uint8
    assert images[3, 0, 0] == 255 and images[7, 27, 27] == 0
    assert images[0].min() == images[0].max() == 128 and images[3, 0, 1] == 128   # nothing: grey


def test_the_seed_generator_shows_the_weights_the_stack_trains(small_data):
    session = TrainingSession(small("seed"), small_data)
    weights = single_layer_weights(session.algorithm)
    assert weights.shape == (100, 784)
    assert np.shares_memory(weights, session.algorithm.stack.flat_params)
    assert single_layer_weights(TrainingSession(small("mlp"), small_data).algorithm) is None


# ----- the latent walk ------------------------------------------------------------------------
def test_interpolation_runs_from_start_to_end():
    start, end = np.array([1.0, 0.0, 0.5], np.float32), np.array([0.0, 1.0, 0.0], np.float32)
    rows = interpolate(start, end, np.linspace(0, 1, 5))
    assert np.allclose(rows[0], start) and np.allclose(rows[-1], end)
    assert np.allclose(rows[2], [0.5, 0.5, 0.25]) and rows.dtype == np.float32


def test_spherical_interpolation_keeps_the_length_of_normal_noise():
    rng = np.random.default_rng(0)
    start, end = rng.standard_normal(100), rng.standard_normal(100)
    straight = interpolate(start, end, [0.5])[0]
    curved = interpolate(start, end, [0.5], spherical_columns=100)[0]
    typical = (np.linalg.norm(start) + np.linalg.norm(end)) / 2
    assert np.linalg.norm(straight) < 0.85 * typical
    assert abs(np.linalg.norm(curved) - typical) < 0.05 * typical


def test_a_latent_walk_goes_between_its_pair_and_glides_to_the_next(small_data):
    config = small("mlp")
    walk = LatentWalk(config, count=8)
    rows = walk.noise()
    assert rows.shape == (8, config.noise_dim)
    assert np.allclose(rows[0], walk.pair[0], atol=1e-5) and np.allclose(rows[-1], walk.pair[1], atol=1e-5)
    upcoming = walk._next.copy()
    walk.advance(0.5)
    assert not np.allclose(walk.noise(), rows)
    walk.advance(0.5)
    assert np.allclose(walk.pair, upcoming) and walk.phase == 0.0
    old = walk.pair.copy()
    walk.new_pair()
    assert not np.allclose(walk.pair, old)
    images = TrainingSession(config, small_data).draw(walk.noise())
    assert images.shape == (8, 28, 28) and len({im.tobytes() for im in images}) > 1


# ----- D asked about one image ----------------------------------------------------------------
@pytest.mark.parametrize("preset", ["seed", "fast", "mlp"])
def test_the_probe_says_what_the_session_d_says_of_a_real_image(small_data, preset):
    """Prepared as the session prepares reals: the pixel range (0..1, -1..1), and for `fast`
    the code of the image's cluster."""
    session = TrainingSession(small(preset), small_data)
    for _ in range(3):
        session.run_iteration()
    probe = DiscriminatorProbe()
    probe.load(copy_discriminator(session))
    algorithm, image = session.algorithm, small_data.images[5]
    x = images_to_input(image[None], session.config)
    if preset == "fast":
        x = algorithm._with_clusters(x, algorithm._data_clusters[5:6])
    expected = float(algorithm.discriminator.forward(x, training=False)[0, 0])
    assert probe.ready
    assert probe.real_probability(image) == pytest.approx(expected, rel=1e-5)


def test_the_probe_keeps_its_copy_until_loaded_again(small_data):
    session = TrainingSession(small("seed"), small_data)
    probe = DiscriminatorProbe()
    probe.load(copy_discriminator(session))
    image = small_data.images[0]
    before = probe.real_probability(image)
    session.algorithm.discriminator.flat_params[:] *= 0.5
    assert probe.real_probability(image) == before
    probe.load(copy_discriminator(session))
    assert probe.real_probability(image) != before


def test_a_d_that_needs_more_than_the_image_is_not_asked(small_data):
    weights = copy_discriminator(TrainingSession(small("fast"), small_data))
    probe = DiscriminatorProbe()
    probe.load(DiscriminatorWeights(weights.config, weights.params, clusters=None))
    assert not probe.ready and probe.real_probability(small_data.images[0]) is None


# ----- the worker's hook ---------------------------------------------------------------------
def test_between_records_runs_at_once_without_a_run(small_data):
    worker = TrainingWorker(TrainingSession(small("seed"), small_data))
    ran = []
    worker.between_records(lambda: ran.append(threading.current_thread()))
    assert ran == [threading.current_thread()]


def test_between_records_runs_in_the_training_thread_between_records(small_data):
    session = TrainingSession(small("fast"), small_data)
    worker = TrainingWorker(session)
    records = worker.records()
    seen, done = [], threading.Event()
    first = next(records)   # a run is open now

    def copy():
        seen.append((threading.current_thread(), session.stage_index, session.iteration))
        done.set()

    worker.between_records(copy)
    assert not seen        # queued, not run by the caller
    trainer = threading.Thread(target=lambda: [next(records) for _ in range(2)])
    trainer.start()
    trainer.join(timeout=30)
    assert done.is_set()
    thread, stage_index, iteration = seen[0]
    assert thread is not threading.current_thread() and stage_index == 0 and iteration > first.iteration - 1
    worker.stop()
    list(records)
