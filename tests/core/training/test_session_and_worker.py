"""The one training loop and the worker that steers it: determinism, commands, stages,
stopping rules."""

import threading
import time

import numpy as np
import pytest

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import PRESETS, get_preset
from ganstudio.core.errors import ConfigError
from ganstudio.core.gan.classic import ClassicGAN
from ganstudio.core.training.session import TrainingSession
from ganstudio.core.training.stopping import stop_reason
from ganstudio.core.training.worker import TrainingWorker

from support.small_runs import small_config


def small(preset, **overrides):
    return small_config(preset, **{"iterations": 4, **overrides})


def run_all(session, **kw):
    return list(session.run(**kw))


@pytest.mark.parametrize("preset", list(PRESETS))
def test_every_preset_trains_and_is_bit_identical_for_the_same_seed(preset, small_data):
    a, b = TrainingSession(small(preset), small_data), TrainingSession(small(preset), small_data)
    progress_a, progress_b = run_all(a), run_all(b)
    assert progress_a[-1].finished and progress_a[-1].iteration == 4
    assert [p.d_loss for p in progress_a] == [p.d_loss for p in progress_b]
    assert np.array_equal(a.sample(), b.sample())
    for name, net in a.algorithm.networks.items():
        assert np.array_equal(net.flat_params, b.algorithm.networks[name].flat_params)
    assert np.isfinite(progress_a[-1].d_loss) and np.isfinite(progress_a[-1].g_loss)
    c = TrainingSession(small(preset, seed=1), small_data)
    run_all(c)
    assert not np.array_equal(a.sample(), c.sample())


def test_progress_arrays_are_fresh_copies(small_data):
    session = TrainingSession(small("fast", iterations=3), small_data)
    progress = list(session.run(samples_every=1))
    assert all(p.samples.dtype == np.uint8 and p.samples.shape == (100, 28, 28) for p in progress)
    assert not np.shares_memory(progress[0].samples, progress[1].samples)
    first = progress[0].samples.copy()
    run_all(TrainingSession(small("fast", iterations=3), small_data))
    assert np.array_equal(progress[0].samples, first)


@pytest.mark.parametrize("preset", ["fast", "seed"])
def test_samples_asked_for_in_mid_iteration_come_with_ds_outputs_of_that_iteration(preset, small_data):
    """The window asks for images whenever it is ready, usually while an iteration runs; the
    record that answers must carry D's outputs too, or the histogram would go stale."""
    session = TrainingSession(small(preset, iterations=6), small_data)
    worker = TrainingWorker(session)
    run_stage = session.algorithm.run_stage

    def run_stage_and_ask(name):
        run_stage(name)
        if name == "train_generator" and session.iteration in (1, 3):
            worker.request_samples()

    session.algorithm.run_stage = run_stage_and_ask
    answered = [p for p in worker.records() if p.samples is not None and not p.finished]
    assert [p.iteration for p in answered] == [2, 4]
    for progress in answered:
        assert progress.d_real_outputs is not None and progress.d_fake_outputs is not None
        assert np.isclose(progress.d_real_outputs.mean(), progress.d_real, atol=1e-6)
        assert np.isclose(progress.d_fake_outputs.mean(), progress.d_fake, atol=1e-6)
    assert not np.shares_memory(answered[0].d_real_outputs, answered[1].d_real_outputs)


def test_a_record_says_what_drawing_its_samples_took(small_data):
    """The window rations the grid by this figure, so it must be the sampling alone: more
    than nothing, less than the whole step that carried it, and 0 without samples."""
    session = TrainingSession(small("fast", iterations=6), small_data)
    worker = TrainingWorker(session)
    records, steps = worker.records(), []
    while True:
        if len(steps) in (1, 3):
            worker.request_samples()
        began = time.perf_counter()
        progress = next(records, None)
        if progress is None:
            break
        steps.append((progress, time.perf_counter() - began))
    drawn = [(p, took) for p, took in steps if p.samples is not None]
    assert len(drawn) >= 2
    assert all(0 < p.sample_seconds < took for p, took in drawn)
    assert all(p.sample_seconds == 0 for p, _ in steps if p.samples is None)


def test_training_changes_what_the_generator_draws(small_data):
    # The live G: a 0.999 moving average moves only ~3 % of the way in 30 steps.
    session = TrainingSession(small("fast", iterations=30, g_ema=0.0), small_data)
    before = session.sample()
    run_all(session)
    assert np.abs(session.sample().astype(int) - before).mean() > 1.0


def test_pause_step_and_stop_between_iterations(small_data):
    session = TrainingSession(small("fast", iterations=1000), small_data)
    worker = TrainingWorker(session)
    worker.step_once()
    worker.step_once()
    runner = worker.records()
    first, second = next(runner), next(runner)
    assert (first.iteration, second.iteration) == (1, 2) and second.paused
    assert second.samples is not None  # a stepped iteration always shows its images
    got = []
    thread = threading.Thread(target=lambda: got.append(next(runner)))
    thread.start()
    thread.join(timeout=0.3)
    assert thread.is_alive() and session.iteration == 2  # paused: nothing happens
    worker.stop()
    thread.join(timeout=5)
    assert not thread.is_alive() and got[0].finished and got[0].stop_reason.code == "stopped"
    assert session.iteration == 2


def test_stepping_one_stage_at_a_time_walks_the_named_stages(small_data):
    session = TrainingSession(small("seed"), small_data)
    worker = TrainingWorker(session)
    assert session.stage_names == ClassicGAN.stage_names
    for _ in range(len(session.stage_names) + 1):
        worker.step_stage()
    runner = worker.records()
    stages = [next(runner).stage for _ in range(len(session.stage_names) + 1)]
    assert stages == list(session.stage_names) + [session.stage_names[0]]
    assert session.iteration == 1 and session.stage_index == 1


def test_stage_by_stage_equals_whole_iterations(small_data):
    whole = TrainingSession(small("seed", iterations=2), small_data)
    run_all(whole)
    staged = TrainingSession(small("seed", iterations=2), small_data)
    assert [staged.run_stage() for _ in range(2 * len(staged.stage_names))] == 2 * list(staged.stage_names)
    assert np.array_equal(whole.algorithm.stack.flat_params, staged.algorithm.stack.flat_params)


def test_ds_check_runs_beside_training_g_and_gives_the_same_numbers(small_data, monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "1")  # what the `ganstudio` command sets
    beside = TrainingSession(small("seed", iterations=3), small_data)
    assert [beside.run_stage() for _ in range(5)][-1] == "copy_discriminator"
    assert beside.algorithm._d_check is not None  # started, not left for check_stop
    list(beside.run())

    import ganstudio.core.gan.classic as classic
    monkeypatch.setattr(classic, "start_beside", lambda fn, *args: None)  # a 1-core machine
    in_line = TrainingSession(small("seed", iterations=3), small_data)
    list(in_line.run())
    for key in ("d_real", "d_fake", "rounded_mean", "d_loss", "g_loss"):
        assert beside.history[key] == in_line.history[key], key
    assert np.array_equal(beside.algorithm.stack.flat_params, in_line.algorithm.stack.flat_params)


def test_learning_rate_change_takes_effect_between_iterations(small_data):
    session = TrainingSession(small("fast", iterations=3), small_data)
    worker = TrainingWorker(session)
    records = worker.records()
    next(records)
    worker.set_learning_rate("g", 0.0123)   # sent while a run is open: applied between records
    assert session.algorithm.optimizers["g"].lr != 0.0123
    next(records)
    assert session.algorithm.optimizers["g"].lr == 0.0123
    list(records)
    worker.set_learning_rate("d", 0.0456)   # no run open: at once
    assert session.algorithm.optimizers["d"].lr == 0.0456
    with pytest.raises(ConfigError):
        worker.set_learning_rate("x", 0.1)
    with pytest.raises(ConfigError):
        worker.set_learning_rate("d", -1.0)


def test_classic_generates_only_the_chosen_rows_with_the_same_result(small_data):
    session = TrainingSession(small("seed"), small_data)
    algo = session.algorithm
    algo.stage_copy_generator()
    algo.stage_generate_fakes()
    everything = algo.first_network.forward(algo.noise_pool, training=False)
    np.testing.assert_array_equal(everything[algo._noise_rows], algo._fakes)


@pytest.mark.parametrize("frozen", [True, False])
def test_d_frozen_inside_g_or_trained_as_the_original(small_data, frozen):
    session = TrainingSession(small("seed", freeze_d_in_g=frozen), small_data)
    algo = session.algorithm
    for stage in algo.stage_names[:5]:
        algo.run_stage(stage)
    d_part = algo.stack.flat_params[algo._d_part].copy()
    g_part = algo.stack.flat_params[algo._g_part].copy()
    algo.run_stage("train_generator")
    assert not np.array_equal(algo.stack.flat_params[algo._g_part], g_part)
    assert np.array_equal(algo.stack.flat_params[algo._d_part], d_part) == frozen


def test_original_rule_fires_for_a_perfect_discriminator():
    """The documented flaw: D right about everything rounds to a mean of exactly 0.5."""
    config = with_overrides(get_preset("seed"), {"stop_rule": "original"})
    perfect = np.concatenate([np.ones(1000), np.zeros(1000)])
    history = {"rounded_mean": [float(np.round(perfect).mean())], "d_real": [1.0], "d_fake": [0.0]}
    assert stop_reason(config, history) is not None
    equilibrium = with_overrides(config, {"stop_rule": "equilibrium", "equilibrium_window": 1})
    assert stop_reason(equilibrium, history) is None


def test_equilibrium_rule_needs_a_whole_window_near_one_half():
    config = with_overrides(get_preset("fast"), {"stop_rule": "equilibrium", "equilibrium_window": 3})
    history = {"rounded_mean": [0.5] * 3, "d_real": [0.9, 0.52, 0.5], "d_fake": [0.5, 0.5, 0.49]}
    assert stop_reason(config, history) is None
    history["d_real"] = [0.53, 0.52, 0.5]
    reason = stop_reason(config, history)
    assert reason.code == "equilibrium" and reason.values["window"] == 3
    assert reason.describe() == "equilibrium: D(real) = 0.517, D(fake) = 0.497 over 3 iterations"


def test_original_rule_stops_the_loop(small_data):
    session = TrainingSession(small("seed", iterations=50, stop_rule="original", stop_tolerance=0.5), small_data)
    progress = run_all(session)
    assert progress[-1].finished and progress[-1].stop_reason.code == "original_rule"
    assert session.iteration == 1


def test_a_session_without_data_cannot_train():
    session = TrainingSession(get_preset("fast"))
    assert session.sample().shape == (100, 28, 28)
    with pytest.raises(ConfigError):
        next(session.run())


def test_the_loop_confirms_a_pause_once_and_then_sleeps(small_data):
    session = TrainingSession(small("fast", iterations=10_000), small_data)
    worker = TrainingWorker(session)
    runner = worker.records()
    next(runner)
    worker.pause()
    records = [next(runner)]
    while not records[-1].paused:
        records.append(next(runner))
    assert records[-1].samples is not None and not records[-1].finished
    got = []
    thread = threading.Thread(target=lambda: got.append(next(runner)))
    thread.start()
    thread.join(timeout=0.3)
    assert thread.is_alive()  # no second "paused" record: it sleeps
    worker.resume()
    thread.join(timeout=5)
    assert got and got[0].iteration == records[-1].iteration + 1
    worker.stop()
    assert next(runner).stop_reason.code == "stopped"


def test_a_stale_stop_does_not_end_the_next_run(small_data):
    session = TrainingSession(small("fast", iterations=3), small_data)
    worker = TrainingWorker(session)
    worker.stop()  # nobody is running
    assert list(worker.records())[-1].stop_reason.code == "iteration_limit"


def test_a_stop_sent_after_the_run_opened_ends_it_before_its_first_record(small_data):
    session = TrainingSession(small("fast", iterations=3), small_data)
    worker = TrainingWorker(session)
    records = worker.records()
    worker.stop()
    assert [p.stop_reason.code for p in records] == ["stopped"] and session.iteration == 0


def test_a_finished_run_can_be_extended(small_data):
    session = TrainingSession(small("fast", iterations=2), small_data)
    list(session.run())
    session.set_run_settings(iterations=4)
    assert list(session.run())[-1].iteration == 4
    with pytest.raises(ConfigError, match="without a reset"):
        session.set_run_settings(batch_size=3)


def test_images_come_from_the_moving_average_of_g_when_asked(small_data):
    config = small("fast", iterations=5, g_ema=0.9)
    session = TrainingSession(config, small_data)
    list(session.run())
    algo = session.algorithm
    g, ema = algo.generator.flat_params, algo.generator_ema.flat_params
    assert not np.array_equal(g, ema)
    # The same training stream with and without the average: only the drawing differs.
    plain = TrainingSession(small("fast", iterations=5, g_ema=0.0), small_data)
    list(plain.run())
    assert np.array_equal(plain.algorithm.generator.flat_params, g)
    assert np.array_equal(session.sample(), np.asarray(session.sample()))
    assert not np.array_equal(plain.sample(), session.sample())


def test_generator_bias_from_the_data_starts_g_at_the_mean_image(small_data):
    config = small("goodfellow2014", g_bias_from_data=True)
    algo = TrainingSession(config, small_data).algorithm
    mean_pixel = algo.data.mean(axis=0)
    bias = algo.generator.dense_layers[-1].params[1]
    expected = np.log(np.clip(mean_pixel, 1e-3, 1 - 1e-3) / (1 - np.clip(mean_pixel, 1e-3, 1 - 1e-3)))
    np.testing.assert_allclose(bias, expected, rtol=1e-5, atol=1e-5)
    plain = TrainingSession(small("goodfellow2014", g_bias_from_data=False), small_data).algorithm
    assert not plain.generator.dense_layers[-1].params[1].any()


def test_one_sided_label_smoothing_softens_only_the_real_targets(small_data):
    config = small("fast", iterations=3, d_real_label=0.9)
    smooth = TrainingSession(config, small_data)
    bs = config.batch_size
    target = smooth.algorithm._d_target[:, 0]
    np.testing.assert_allclose(target[:bs], 0.9)
    assert not target[bs:].any()  # fakes keep target 0: one-sided
    sharp = TrainingSession(small("fast", iterations=3, d_real_label=1.0), small_data)
    assert np.array_equal(sharp.algorithm._d_target[:bs, 0], np.ones(bs, dtype=target.dtype))
    run_all(smooth), run_all(sharp)
    d_smooth = smooth.algorithm.discriminator.flat_params
    assert not np.array_equal(d_smooth, sharp.algorithm.discriminator.flat_params)
    with pytest.raises(ConfigError, match="d_real_label"):
        small("fast", d_real_label=0.4)


@pytest.mark.parametrize("reuse, draws_per_iteration", [(True, 1), (False, 2)])
def test_gs_step_reuses_the_fakes_of_ds_step_when_asked(reuse, draws_per_iteration, small_data,
                                                        monkeypatch):
    import ganstudio.core.gan.minibatch as minibatch

    draws = []
    real_sample_noise = minibatch.sample_noise
    monkeypatch.setattr(minibatch, "sample_noise",
                        lambda *args, **kw: draws.append(1) or real_sample_noise(*args, **kw))
    run_all(TrainingSession(small("fast", iterations=5, g_reuses_fakes=reuse), small_data))
    assert len(draws) == 5 * draws_per_iteration


def test_drawing_with_g_between_its_two_steps_changes_nothing(small_data):
    """Reusing the fakes relies on G's layers still holding their forward pass; a sample drawn
    between the stages (the window does that when stepping) makes G compute it again."""
    config = small("fast", iterations=3, g_reuses_fakes=True, g_ema=0.0)   # G itself draws
    straight = TrainingSession(config, small_data)
    run_all(straight)
    stepped = TrainingSession(config, small_data)
    while stepped.iteration < 3:
        stepped.run_stage()
        stepped.sample()
    assert np.array_equal(stepped.algorithm.generator.flat_params,
                          straight.algorithm.generator.flat_params)


def test_stepping_a_stage_of_a_finished_run_only_says_it_is_finished(small_data):
    session = TrainingSession(small("fast", iterations=2), small_data)
    list(session.run())
    worker = TrainingWorker(session)
    worker.step_stage()
    records = list(worker.records())
    assert [r.stop_reason.code for r in records] == ["iteration_limit"]
    assert (session.iteration, session.stage_index) == (2, 0)


def test_a_stop_cuts_a_paced_wait_short(small_data):
    session = TrainingSession(small("fast", iterations=1000), small_data)
    worker = TrainingWorker(session)
    worker.set_interval(600.0)   # one iteration every ten minutes
    records = worker.records()
    got = [next(records)]
    thread = threading.Thread(target=lambda: got.extend(records))
    thread.start()
    worker.stop()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert [r.stop_reason.code if r.stop_reason else None for r in got] == [None, "stopped"]
    assert session.iteration == 1
