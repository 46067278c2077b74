"""Is an image digit-like at all? The judge always names a digit, and is often sure of it for
grey noise (at the start of a run it called 100 % of G's blobs "8"); this says how many of
G's images are unlike every digit the judge was trained on.

The measure is the Mahalanobis distance, in the judge's last hidden layer, from an image to the
nearest class mean, with one covariance shared by the classes (Lee et al., "A Simple Unified
Framework for Detecting Out-of-Distribution Samples and Adversarial Attacks", NeurIPS 2018).
Means and covariance come from the bundled training digits; an image is "not digit-like" when
its distance is beyond what 99 % of the bundled held-out digits reach. So about 1 % of real
digits are flagged, by construction; uniform noise and an untrained G's blobs all are.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ganstudio.core.files.bundled_assets import once
from ganstudio.core.quality.judge import NUM_CLASSES, Judge, load_judge

REAL_QUANTILE = 99.0  # percent of held-out real digits that count as digit-like
RIDGE = 1e-3  # added to the covariance's diagonal: some ReLU features are almost constant


@dataclass(frozen=True)
class DigitLikeness:
    means: np.ndarray       # (10, d) float64: each class's mean feature vector
    precision: np.ndarray   # (d, d) float64: the inverse of the shared covariance
    threshold: float        # the distance REAL_QUANTILE % of held-out digits stay within

    def distances(self, features: np.ndarray) -> np.ndarray:
        """Squared Mahalanobis distance of each feature row to its nearest class mean."""
        features = np.asarray(features, np.float64)
        # (f − μ)ᵀP(f − μ) = fᵀPf − 2 fᵀPμ + μᵀPμ, for all classes at once.
        projected = features @ self.precision
        own = np.einsum("nd,nd->n", projected, features)
        cross = projected @ self.means.T
        means_term = np.einsum("kd,de,ke->k", self.means, self.precision, self.means)
        return np.maximum(own[:, None] - 2.0 * cross + means_term[None, :], 0.0).min(axis=1)

    def digit_like(self, features: np.ndarray) -> np.ndarray:
        """(n,) bool: which images lie within the threshold, i.e. look like some real digit."""
        return self.distances(features) <= self.threshold

    def unlike_share(self, features: np.ndarray) -> float:
        """The share of images whose features lie beyond the threshold (0 for no images)."""
        if len(features) == 0:
            return 0.0
        return float(np.mean(~self.digit_like(features)))


def fit_digit_likeness(judge: Judge, images: np.ndarray, labels: np.ndarray,
                       held_out: np.ndarray) -> DigitLikeness:
    features = judge.features(images).astype(np.float64)
    labels = np.asarray(labels)
    means = np.stack([features[labels == c].mean(axis=0) for c in range(NUM_CLASSES)])
    centred = features - means[labels]
    covariance = centred.T @ centred / len(features) + RIDGE * np.eye(features.shape[1])
    provisional = DigitLikeness(means, np.linalg.inv(covariance), float("inf"))
    threshold = np.percentile(provisional.distances(judge.features(held_out)), REAL_QUANTILE)
    return DigitLikeness(means, provisional.precision, float(threshold))


@once
def load_digit_likeness() -> DigitLikeness:
    """Fitted once per process on the bundled digits (about 0.2 s)."""
    from ganstudio.core.data import load_bundled

    train, held_out = load_bundled("train"), load_bundled("test")
    return fit_digit_likeness(load_judge(), train.images, train.labels, held_out.images)
