"""Quality metrics for generated digits, computed from a judge classifier's outputs or from
pixels. Pure NumPy (no Qt, no scipy): the CLI, the window, the benchmarks and the tests all
call these same functions.

Inputs are plain arrays: `probs` is (n, 10) class probabilities from the judge, `features` is
(n, d) penultimate-layer activations, pixel arrays are (n, 784) floats in [0, 1].
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NUM_CLASSES = 10

# Goodfellow et al., "Generative Adversarial Nets", NeurIPS 2014, Table 1 (MNIST column):
# Parzen-window log-likelihood of held-out test digits in nats, mean ± standard error.
PARZEN_PUBLISHED = (
    ("DBN", 138.0, 2.0),
    ("Stacked CAE", 121.0, 1.6),
    ("Deep GSN", 214.0, 1.1),
    ("Adversarial nets", 225.0, 2.0),
)
PARZEN_CITATION = 'Goodfellow et al., "Generative Adversarial Nets", NeurIPS 2014, Table 1'
PARZEN_CAVEAT = (
    "Parzen-window estimates are a weak measure of sample quality: they have high variance "
    "in 784 dimensions and can rank models wrongly (Theis, van den Oord & Bethge, "
    '"A note on the evaluation of generative models", ICLR 2016). Compare only like with like.'
)
# The σ grid of the 2014 protocol.
PARZEN_SIGMAS = np.logspace(-1, 0, 10)


# --- class statistics from the judge's probabilities --------------------------------------


def class_histogram(probs: np.ndarray) -> np.ndarray:
    """Share of samples whose most probable class is each digit: (10,) float64 summing to 1."""
    probs = _as_probs(probs)
    counts = np.bincount(probs.argmax(axis=1), minlength=NUM_CLASSES)
    return counts / counts.sum()


def classes_covered(histogram: np.ndarray) -> int:
    """How many of the 10 classes received at least one sample."""
    return int(np.count_nonzero(np.asarray(histogram) > 0))


def kl_to_uniform(histogram: np.ndarray) -> float:
    """KL(p̂ ‖ uniform over 10 classes) in nats: 0 for perfect balance, ln 10 for one class."""
    p = np.asarray(histogram, dtype=np.float64)
    p = p / p.sum()
    nonzero = p > 0  # 0·log 0 = 0
    return float(np.sum(p[nonzero] * np.log(p[nonzero] * NUM_CLASSES)))


def mean_confidence(probs: np.ndarray) -> float:
    """Mean over samples of the judge's highest class probability."""
    return float(_as_probs(probs).max(axis=1).mean())


def confident_fraction(probs: np.ndarray, threshold: float = 0.9) -> float:
    """Share of samples the judge assigns to one class with probability ≥ threshold."""
    return float(np.mean(_as_probs(probs).max(axis=1) >= threshold))


def mnist_score(probs: np.ndarray) -> float:
    """exp E_x[KL(p(y|x) ‖ p(y))], the Inception score with an MNIST judge: between 1 and 10,
    high when each sample is confidently one digit and all digits are equally frequent."""
    p = _as_probs(probs)
    marginal = p.mean(axis=0)
    # Terms with p(y|x) = 0 contribute 0; the marginal is then ≥ p(y|x)/n > 0 wherever needed.
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, p * (np.log(p) - np.log(marginal)), 0.0)
    return float(np.exp(terms.sum(axis=1).mean()))


def _as_probs(probs: np.ndarray) -> np.ndarray:
    p = np.asarray(probs, dtype=np.float64)
    if p.ndim != 2 or p.shape[1] != NUM_CLASSES or p.shape[0] == 0:
        raise ValueError(f"expected class probabilities of shape (n, 10), got {p.shape}")
    return p


# --- Fréchet distance between feature distributions ---------------------------------------


def frechet_distance(features_a: np.ndarray, features_b: np.ndarray) -> float:
    """Fréchet distance between Gaussians fitted to two feature sets:
    ‖μa − μb‖² + tr(Ca) + tr(Cb) − 2 tr((Ca Cb)^½).

    tr((Ca Cb)^½) is the sum of square roots of the eigenvalues of Ca Cb, which equal those
    of the symmetric PSD matrix Ca^½ Cb Ca^½, so two symmetric eigendecompositions suffice.
    """
    a = np.asarray(features_a, dtype=np.float64)
    b = np.asarray(features_b, dtype=np.float64)
    if a.ndim != 2 or b.ndim != 2 or a.shape[1] != b.shape[1]:
        raise ValueError(f"feature sets must be (n, d) with equal d, got {a.shape} and {b.shape}")
    if len(a) < 2 or len(b) < 2:
        raise ValueError("the Fréchet distance needs at least two samples per set")
    mean_a, mean_b = a.mean(axis=0), b.mean(axis=0)
    cov_a = np.atleast_2d(np.cov(a, rowvar=False))  # np.cov gives a scalar for d = 1
    cov_b = np.atleast_2d(np.cov(b, rowvar=False))
    sqrt_a = _psd_sqrt(cov_a)
    middle = sqrt_a @ cov_b @ sqrt_a
    eigenvalues = np.linalg.eigvalsh((middle + middle.T) / 2)
    trace_sqrt = np.sqrt(np.clip(eigenvalues, 0.0, None)).sum()
    diff = mean_a - mean_b
    distance = diff @ diff + np.trace(cov_a) + np.trace(cov_b) - 2.0 * trace_sqrt
    return float(max(distance, 0.0))  # rounding can leave a tiny negative for equal sets


def _psd_sqrt(matrix: np.ndarray) -> np.ndarray:
    eigenvalues, vectors = np.linalg.eigh(matrix)
    return (vectors * np.sqrt(np.clip(eigenvalues, 0.0, None))) @ vectors.T


@dataclass(frozen=True)
class FrechetResult:
    distance: float  # generated vs real
    baseline: float  # real vs other real, same sample size: the floor a perfect G would reach
    n: int


def frechet_with_baseline(generated: np.ndarray, real: np.ndarray) -> FrechetResult:
    """Fréchet distance of generated features to real features, with the real-vs-real
    baseline at the same sample size. `real` is split in two halves; n = min(len(generated),
    len(real) // 2) samples are used from each set, so both numbers share one sample size."""
    n = min(len(generated), len(real) // 2)
    reference, other_real = real[:n], real[n : 2 * n]
    return FrechetResult(
        distance=frechet_distance(generated[:n], reference),
        baseline=frechet_distance(other_real, reference),
        n=n,
    )


# --- Parzen-window log-likelihood (Goodfellow et al. 2014 protocol) -----------------------


def parzen_log_likelihoods(
    centres: np.ndarray, points: np.ndarray, sigmas, chunk_size: int = 500
) -> np.ndarray:
    """log p(x) of each point under each isotropic Gaussian Parzen window on `centres`:
    log (1/k) Σ_i N(x; c_i, σ² I). Returns (len(sigmas), len(points)) float64.

    The squared distances are computed once per chunk of points (a float32 matrix product)
    and shared by every σ; the sum over centres uses log-sum-exp, so nothing overflows.
    """
    centres = np.ascontiguousarray(centres, dtype=np.float32)
    points = np.ascontiguousarray(points, dtype=np.float32)
    sigmas = np.atleast_1d(np.asarray(sigmas, dtype=np.float64))
    k, dim = centres.shape
    if points.ndim != 2 or points.shape[1] != dim:
        raise ValueError(f"points must be (n, {dim}), got {points.shape}")
    # Norms in float64: the difference |x|² + |c|² − 2x·c cancels, so keep its terms exact.
    centre_norms = np.einsum("ij,ij->i", centres, centres, dtype=np.float64)
    log_norm = -np.log(k) - 0.5 * dim * np.log(2.0 * np.pi * sigmas**2)
    result = np.empty((len(sigmas), len(points)), dtype=np.float64)
    for start in range(0, len(points), chunk_size):
        block = points[start : start + chunk_size]
        block_norms = np.einsum("ij,ij->i", block, block, dtype=np.float64)
        sq_dist = (block @ centres.T).astype(np.float64)
        sq_dist *= -2.0
        sq_dist += block_norms[:, None]
        sq_dist += centre_norms[None, :]
        np.maximum(sq_dist, 0.0, out=sq_dist)
        nearest = sq_dist.min(axis=1, keepdims=True)
        # exp argument relative to the nearest centre: ≤ 0, and 0 for at least one centre.
        excess = (sq_dist - nearest).astype(np.float32)
        for s, sigma in enumerate(sigmas):
            scale = np.float32(-0.5 / sigma**2)
            total = np.exp(excess * scale).sum(axis=1, dtype=np.float64)
            result[s, start : start + len(block)] = (
                np.log(total) - 0.5 * nearest[:, 0] / sigma**2 + log_norm[s]
            )
    return result


@dataclass(frozen=True)
class ParzenResult:
    mean: float  # mean log-likelihood of the test points, nats
    standard_error: float  # std / sqrt(n_test)
    sigma: float  # chosen on the validation points
    n_centres: int
    n_test: int


def parzen_evaluate(
    centres: np.ndarray,
    validation: np.ndarray,
    test: np.ndarray,
    sigmas=PARZEN_SIGMAS,
    chunk_size: int = 500,
) -> ParzenResult:
    """The 2014 protocol: choose σ from `sigmas` by the mean log-likelihood of `validation`,
    then report the mean ± standard error of the log-likelihood of `test` under that σ."""
    validation_ll = parzen_log_likelihoods(centres, validation, sigmas, chunk_size)
    sigma = float(np.asarray(sigmas)[int(np.argmax(validation_ll.mean(axis=1)))])
    test_ll = parzen_log_likelihoods(centres, test, [sigma], chunk_size)[0]
    return ParzenResult(
        mean=float(test_ll.mean()),
        standard_error=float(test_ll.std(ddof=1) / np.sqrt(len(test_ll))) if len(test_ll) > 1 else 0.0,
        sigma=sigma,
        n_centres=len(centres),
        n_test=len(test_ll),
    )


def pixels_unit(images: np.ndarray) -> np.ndarray:
    """uint8 images (n, 28, 28) → float32 rows (n, 784) in [0, 1], the space the 2014
    Parzen numbers were measured in."""
    images = np.asarray(images)
    return images.reshape(len(images), -1).astype(np.float32) / np.float32(255.0)
