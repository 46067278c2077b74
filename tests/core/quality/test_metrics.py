"""Quality metrics against answers worked out independently of the implementation."""

import math

import numpy as np
import pytest

from ganstudio.core.quality import metrics


def one_hot(labels, confidence=1.0):
    labels = np.asarray(labels)
    rest = (1.0 - confidence) / 9.0
    probs = np.full((len(labels), 10), rest)
    probs[np.arange(len(labels)), labels] = confidence
    return probs


# --- class statistics ---------------------------------------------------------------------


def test_collapse_onto_one_class_gives_ln_10():
    hist = metrics.class_histogram(one_hot([7] * 50))
    assert hist[7] == 1.0
    assert metrics.classes_covered(hist) == 1
    assert metrics.kl_to_uniform(hist) == pytest.approx(math.log(10))


def test_balanced_classes_give_zero_kl_and_full_coverage():
    hist = metrics.class_histogram(one_hot(np.arange(100) % 10))
    np.testing.assert_allclose(hist, 0.1)
    assert metrics.classes_covered(hist) == 10
    assert metrics.kl_to_uniform(hist) == pytest.approx(0.0, abs=1e-12)


def test_two_equal_classes_give_ln_5():
    hist = metrics.class_histogram(one_hot([3, 8] * 20))
    assert metrics.classes_covered(hist) == 2
    assert metrics.kl_to_uniform(hist) == pytest.approx(math.log(5))


def test_confidence_and_confident_fraction():
    probs = np.vstack([one_hot([1, 2], confidence=0.95), one_hot([4, 5], confidence=0.5)])
    assert metrics.mean_confidence(probs) == pytest.approx((0.95 * 2 + 0.5 * 2) / 4)
    assert metrics.confident_fraction(probs, 0.9) == 0.5
    assert metrics.confident_fraction(probs, 0.96) == 0.0


def test_mnist_score_bounds():
    # Every sample certain and the classes balanced: exp(ln 10) = 10.
    assert metrics.mnist_score(one_hot(np.arange(40) % 10)) == pytest.approx(10.0)
    # All samples certain of the same class: p(y|x) = p(y), score 1.
    assert metrics.mnist_score(one_hot([2] * 30)) == pytest.approx(1.0)
    # Every sample maximally unsure: score 1.
    assert metrics.mnist_score(np.full((5, 10), 0.1)) == pytest.approx(1.0)


def test_mnist_score_of_two_certain_classes_is_two():
    assert metrics.mnist_score(one_hot([0, 9] * 10)) == pytest.approx(2.0)


def test_bad_probability_shape_is_rejected():
    with pytest.raises(ValueError, match=r"\(n, 10\)"):
        metrics.class_histogram(np.ones((4, 3)))


# --- Fréchet distance ---------------------------------------------------------------------


def test_frechet_of_a_set_with_itself_is_zero():
    feats = np.random.default_rng(0).normal(size=(500, 16))
    assert metrics.frechet_distance(feats, feats) == pytest.approx(0.0, abs=1e-8)


def test_frechet_of_samples_from_one_gaussian_is_small_and_shrinks_with_n():
    rng = np.random.default_rng(1)
    small = metrics.frechet_distance(rng.normal(size=(200, 8)), rng.normal(size=(200, 8)))
    large = metrics.frechet_distance(rng.normal(size=(20000, 8)), rng.normal(size=(20000, 8)))
    assert large < small
    assert large < 0.01


def test_frechet_of_affine_copy_has_closed_form():
    # b = 2a + 3: Cb = 4 Ca, so tr((Ca Cb)^½) = 2 tr(Ca) and the distance is
    # ‖μa + 3‖² + tr(Ca) + 4 tr(Ca) − 4 tr(Ca) = ‖μa + 3‖² + tr(Ca).
    a = np.random.default_rng(2).normal(size=(300, 5)) @ np.diag([1.0, 2.0, 0.5, 1.0, 3.0])
    b = 2 * a + 3
    expected = np.sum((a.mean(axis=0) + 3) ** 2) + np.trace(np.cov(a, rowvar=False))
    assert metrics.frechet_distance(a, b) == pytest.approx(expected, rel=1e-9)


def test_frechet_in_one_dimension():
    rng = np.random.default_rng(3)
    a, b = rng.normal(1.0, 2.0, size=(400, 1)), rng.normal(-1.0, 0.5, size=(300, 1))
    sa, sb = a.std(ddof=1), b.std(ddof=1)
    expected = (a.mean() - b.mean()) ** 2 + (sa - sb) ** 2
    assert metrics.frechet_distance(a, b) == pytest.approx(expected, rel=1e-9)


def test_frechet_agrees_with_scipy_sqrtm_on_correlated_features():
    linalg = pytest.importorskip("scipy.linalg")
    rng = np.random.default_rng(4)
    a = rng.normal(size=(400, 6)) @ rng.normal(size=(6, 6))
    b = rng.normal(size=(350, 6)) @ rng.normal(size=(6, 6)) + 0.5
    ca, cb = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    root = linalg.sqrtm(ca @ cb).real
    expected = np.sum((a.mean(0) - b.mean(0)) ** 2) + np.trace(ca + cb - 2 * root)
    assert metrics.frechet_distance(a, b) == pytest.approx(expected, rel=1e-6)


def test_frechet_baseline_uses_same_sample_size():
    rng = np.random.default_rng(5)
    real = rng.normal(size=(1000, 4))
    generated = rng.normal(loc=2.0, size=(800, 4))
    result = metrics.frechet_with_baseline(generated, real)
    assert result.n == 500
    assert result.baseline == pytest.approx(metrics.frechet_distance(real[500:], real[:500]))
    assert result.distance == pytest.approx(metrics.frechet_distance(generated[:500], real[:500]))
    assert result.distance > 10 * result.baseline  # mean shifted by 2 in 4 dimensions: ≈ 16


# --- Parzen window ------------------------------------------------------------------------


def gaussian_log_pdf_1d(x, mean, sigma):
    return -0.5 * ((x - mean) / sigma) ** 2 - math.log(sigma * math.sqrt(2 * math.pi))


def test_parzen_matches_direct_formula_in_one_dimension():
    centres = np.array([[0.0], [1.0], [0.25]])
    points = np.array([[0.1], [0.9], [-0.4]])
    sigmas = [0.2, 0.5]
    got = metrics.parzen_log_likelihoods(centres, points, sigmas)
    for s, sigma in enumerate(sigmas):
        for i, (x,) in enumerate(points):
            density = np.mean([math.exp(gaussian_log_pdf_1d(x, c, sigma)) for (c,) in centres])
            assert got[s, i] == pytest.approx(math.log(density), abs=1e-5)


def test_parzen_is_stable_where_the_naive_sum_underflows():
    # 30 σ away from both centres: exp(-450) is 0 in float32, the log-likelihood is not.
    centres = np.array([[0.0], [0.5]])
    point = np.array([[3.5]])
    sigma = 0.1
    got = metrics.parzen_log_likelihoods(centres, point, [sigma])[0, 0]
    near = gaussian_log_pdf_1d(3.5, 0.5, sigma)
    far = gaussian_log_pdf_1d(3.5, 0.0, sigma)
    expected = math.log(0.5) + near + math.log1p(math.exp(far - near))
    assert np.isfinite(got)
    assert got == pytest.approx(expected, rel=1e-6)


def test_parzen_in_many_dimensions_matches_direct_formula():
    rng = np.random.default_rng(6)
    centres = rng.random((40, 784), dtype=np.float32)
    points = rng.random((7, 784), dtype=np.float32)
    sigma = 0.3
    got = metrics.parzen_log_likelihoods(centres, points, [sigma], chunk_size=3)[0]
    d = centres.astype(np.float64)
    for i, x in enumerate(points.astype(np.float64)):
        log_terms = -0.5 * np.sum((x - d) ** 2, axis=1) / sigma**2
        top = log_terms.max()
        log_mean = top + math.log(np.exp(log_terms - top).sum()) - math.log(len(d))
        expected = log_mean - 0.5 * 784 * math.log(2 * math.pi * sigma**2)
        assert got[i] == pytest.approx(expected, abs=0.05)


def test_parzen_evaluate_picks_sigma_by_validation_and_reports_standard_error():
    rng = np.random.default_rng(7)
    centres = rng.normal(0.0, 0.4, size=(2000, 1))
    validation = rng.normal(0.0, 0.4, size=(300, 1))
    test = rng.normal(0.0, 0.4, size=(200, 1))
    sigmas = np.logspace(-1, 0, 10)
    result = metrics.parzen_evaluate(centres, validation, test, sigmas)
    per_sigma = metrics.parzen_log_likelihoods(centres, validation, sigmas).mean(axis=1)
    assert result.sigma == sigmas[np.argmax(per_sigma)]
    # Kernel density on N(0, 0.4²) data: the true density's bandwidth is far below σ = 1.
    assert result.sigma < 0.3
    test_ll = metrics.parzen_log_likelihoods(centres, test, [result.sigma])[0]
    assert result.mean == pytest.approx(test_ll.mean())
    assert result.standard_error == pytest.approx(test_ll.std(ddof=1) / math.sqrt(200))
    assert (result.n_centres, result.n_test) == (2000, 200)


def test_published_table_is_the_2014_mnist_column():
    table = {name: (mean, se) for name, mean, se in metrics.PARZEN_PUBLISHED}
    assert table["Adversarial nets"] == (225.0, 2.0)
    assert table["Deep GSN"] == (214.0, 1.1)
    assert table["DBN"] == (138.0, 2.0)
    assert table["Stacked CAE"] == (121.0, 1.6)
    np.testing.assert_allclose(metrics.PARZEN_SIGMAS[[0, -1]], [0.1, 1.0])
