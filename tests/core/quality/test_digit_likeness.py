"""'Not digit-like': the judge names a digit even for noise; this measure tells noise apart."""

import numpy as np
import pytest

from ganstudio.core.config.presets import get_preset
from ganstudio.core.quality.digit_likeness import fit_digit_likeness, load_digit_likeness
from ganstudio.core.quality.evaluation import class_report
from ganstudio.core.quality.judge import load_judge
from ganstudio.core.training.session import TrainingSession


@pytest.fixture(scope="module")
def likeness():
    return load_digit_likeness()


def test_real_digits_are_digit_like_and_noise_is_not(likeness, bundled_train):
    judge = load_judge()
    train = bundled_train.images[:2000]      # not the split the threshold came from
    assert likeness.unlike_share(judge.features(train)) < 0.03
    noise = np.random.default_rng(0).integers(0, 256, (300, 28, 28), dtype=np.uint8)
    assert likeness.unlike_share(judge.features(noise)) == 1.0


def test_an_untrained_generator_draws_nothing_digit_like_though_the_judge_names_digits(bundled_train):
    session = TrainingSession(get_preset("seed"), bundled_train)
    report = class_report(session.sample(500, seed=5))
    assert report.unlike_share > 0.95
    assert report.histogram.max() > 0.3              # the judge still names one digit for most


def test_the_threshold_is_the_held_out_digits_99th_percentile(likeness, bundled_held_out):
    judge = load_judge()
    held_out = bundled_held_out.images
    flagged = likeness.unlike_share(judge.features(held_out))
    assert 0.005 <= flagged <= 0.015
    # The distance is to the nearest class mean: a class mean itself is at distance 0.
    assert np.allclose(likeness.distances(likeness.means), 0.0, atol=1e-6)


def test_fitting_needs_no_more_than_labelled_digits(bundled_train):
    judge, data = load_judge(), bundled_train
    small = fit_digit_likeness(judge, data.images[:3000], data.labels[:3000], data.images[3000:3500])
    assert small.means.shape == (10, judge.feature_dim) and np.isfinite(small.threshold)
