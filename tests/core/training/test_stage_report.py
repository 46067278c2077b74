"""Per-stage reports of a step-through (core/training/stage_report.py): what each stage of both
algorithms used, moved and copied; looking never changes training."""

import numpy as np
import pytest

from ganstudio.core.config.presets import PRESETS
from ganstudio.core.training.session import TrainingSession
from ganstudio.core.training.stage_report import HISTOGRAM_BINS, SAMPLE_IMAGES, run_reported_stage
from ganstudio.core.training.worker import TrainingWorker

from support.small_runs import small_config


def small(preset, **overrides):
    return small_config(preset, **{"iterations": 3, **overrides})


def reported_iterations(session, count):
    return [run_reported_stage(session) for _ in range(count * len(session.stage_names))]


# g_reuses_fakes: G's step reuses the pass over the iteration's fakes that the probe overwrote.
@pytest.mark.parametrize("preset,overrides", [(name, {}) for name in PRESETS]
                         + [("mlp", {"g_reuses_fakes": True}), ("seed", {"freeze_d_in_g": False})])
def test_reporting_every_stage_leaves_training_bit_identical(preset, overrides, small_data):
    plain = TrainingSession(small(preset, **overrides), small_data)
    list(plain.run())
    reported = TrainingSession(small(preset, **overrides), small_data)
    reports = reported_iterations(reported, 3)
    assert [r.stage for r in reports] == 3 * list(reported.stage_names)
    assert np.array_equal(plain.sample(), reported.sample())   # (also syncs the first network)
    for name, net in plain.algorithm.networks.items():
        assert np.array_equal(net.flat_params, reported.algorithm.networks[name].flat_params), name
    assert plain.history["d_loss"] == reported.history["d_loss"]
    assert plain.history["d_real"] == reported.history["d_real"]


def _check_outputs(outputs, count):
    assert outputs.counts.shape == (HISTOGRAM_BINS,) and outputs.counts.sum() == count
    assert 0.0 <= outputs.mean <= 1.0


@pytest.mark.parametrize("preset", ["seed", "fast"])
def test_each_stage_reports_what_it_used_and_moved(preset, small_data):
    session = TrainingSession(small(preset), small_data)
    config = session.config
    reals_n, fakes_n = ((config.real_per_iter, config.fake_per_iter) if config.algorithm == "classic"
                        else (config.batch_size, config.batch_size))
    for report in reported_iterations(session, 2):
        assert report.iteration in (1, 2)
        stage = report.stage
        if stage == "generate_fakes":
            assert report.fakes.shape == (SAMPLE_IMAGES, 28, 28) and report.fakes.dtype == np.uint8
            assert report.reals is None and report.before is None
        elif stage == "sample_reals":
            assert report.reals.shape == (SAMPLE_IMAGES, 28, 28) and report.fakes is None
        elif stage == "train_discriminator":
            for outputs in (report.before, report.after):
                _check_outputs(outputs.real, reals_n)
                _check_outputs(outputs.fake, fakes_n)
            assert np.isfinite(report.loss)
            # D's epoch moved its outputs: reals up or fakes down
            assert (report.after.real.mean - report.before.real.mean
                    + report.before.fake.mean - report.after.fake.mean) > 0
        elif stage == "train_generator":
            assert report.before.real is None and report.after.real is None
            _check_outputs(report.before.fake, fakes_n)
            _check_outputs(report.after.fake, fakes_n)
            assert report.after.fake.mean > report.before.fake.mean   # G made D say "real" more
            assert report.fakes.shape == report.fakes_before.shape == (SAMPLE_IMAGES, 28, 28)
            assert not np.array_equal(report.fakes, report.fakes_before)
            assert np.isfinite(report.loss)
        elif stage == "check_stop" and preset == "seed":
            _check_outputs(report.after.real, reals_n)
            _check_outputs(report.after.fake, fakes_n)
        if stage.startswith("copy_"):
            assert report.copied_values > 0
        else:
            assert report.copied is None


def test_the_classic_copies_are_named_and_sized(small_data):
    session = TrainingSession(small("seed"), small_data)
    reports = {r.stage: r for r in reported_iterations(session, 1)}
    d = session.algorithm.discriminator.flat_params.size
    g = session.algorithm.first_network.flat_params.size
    assert (reports["copy_generator"].copied, reports["copy_generator"].copied_values) == \
        (("generator", "first_network"), g)
    assert (reports["copy_discriminator"].copied, reports["copy_discriminator"].copied_values) == \
        (("discriminator", "stack"), d)
    assert g == 100 * 784 + 784 and d == 784 * 100 + 100 + 100 + 1


def test_only_stepped_stages_carry_a_report(small_data):
    session = TrainingSession(small("seed", iterations=2), small_data)
    worker = TrainingWorker(session)
    worker.step_stage()
    worker.step_stage()
    records = worker.records()
    stepped = [next(records) for _ in range(2)]
    worker.step_once()   # the rest of the iteration, at once
    stepped.append(next(records))
    assert [r.stage_report.stage for r in stepped[:2]] == ["copy_generator", "generate_fakes"]
    assert stepped[2].stage_report is None
    worker.resume()
    rest = list(records)
    assert rest[-1].finished and all(r.stage_report is None for r in rest)
