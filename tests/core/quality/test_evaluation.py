"""Evaluation of image sets with the bundled judge: real digits look like real digits,
a collapsed generator does not."""

import math

import numpy as np
import pytest

from ganstudio.core.quality.evaluation import class_report, evaluate_images


def test_real_digits_win_the_race_and_are_nearly_uniform(bundled_train):
    report = class_report(bundled_train.images[:2000])
    assert report.covered == 10
    assert report.kl < 0.01  # the issue quotes ≈ 0.002 for real digits
    assert report.confident_share > 0.9
    assert report.wins_race


def test_one_repeated_digit_is_total_collapse(bundled_train):
    one = np.repeat(bundled_train.images[:1], 200, axis=0)
    report = class_report(one)
    assert report.covered == 1
    assert report.kl == pytest.approx(math.log(10))
    assert not report.wins_race


def test_full_report_separates_real_digits_from_noise(bundled_train):
    real_like = evaluate_images(bundled_train.images[:1000], parzen_centres=bundled_train.images[:2000])
    noise = np.random.default_rng(0).integers(0, 256, size=(1000, 28, 28), dtype=np.uint8)
    noisy = evaluate_images(noise, parzen_centres=noise)
    # Training digits are as close to the held-out ones as held-out halves are to each other.
    assert real_like.frechet.distance < 3 * real_like.frechet.baseline
    assert noisy.frechet.distance > 20 * noisy.frechet.baseline
    assert real_like.frechet.n == noisy.frechet.n == 1000
    assert real_like.parzen.mean > noisy.parzen.mean
    assert real_like.parzen.n_centres == 2000 and real_like.parzen.n_test == 1000
    assert 1.0 <= noisy.mnist_score <= real_like.mnist_score <= 10.0
    summary = real_like.to_dict()
    assert summary["classes"]["covered"] == 10
    assert len(summary["parzen_published"]["models"]) == 4


def test_noise_counts_as_no_digit_whatever_digit_the_judge_names():
    # The one rule (evaluation.py): the judge names a digit for every image, noise included;
    # only digit-like images count as a digit, the rest are "no digit".
    noise = np.random.default_rng(0).integers(0, 256, size=(200, 28, 28), dtype=np.uint8)
    report = class_report(noise)
    assert report.histogram.max() > 0.3          # the names alone would draw a bar
    assert report.unlike_share == 1.0
    assert not report.digit_shares.any() and report.kinds == 0 and report.drawn_digits == []


def test_real_digits_are_counted_as_the_digits_they_are(bundled_train):
    report = class_report(bundled_train.images[:1000])
    assert report.kinds == 10
    assert report.digit_shares.sum() + report.unlike_share == pytest.approx(1.0)
    one = class_report(bundled_train.images[bundled_train.labels == 7][:100])
    assert one.drawn_digits == [7]
