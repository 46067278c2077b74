"""Unsupervised clusters of the training images, for a GAN that is told which cluster each image
comes from (no labels are read).

A plain generator maps one smooth Gaussian onto ten separate digit shapes, so it has to draw
something wherever two of them meet: a 4 that is half a 9. Given a cluster of similar images as
part of its input, G can jump between them instead, and D judges each image against others of
its kind. This is the idea of the self-conditioned GAN (Liu et al., CVPR 2020), which clusters
D's features during training; here the clusters are found once, by k-means on the pixels, before
the first iteration (about 0.1 s for 8,000 images).

With `clusters_from="labels"` the clusters are the digits themselves (`label_clusters`): the
same one-hot code then carries the label, which makes it a conditional GAN.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FIT_ROWS = 10_000        # k-means sees at most this many images; all are then assigned
LLOYD_ITERATIONS = 10


@dataclass
class Clusters:
    centres: np.ndarray      # (k, d) float32
    weights: np.ndarray      # (k,) float64: each cluster's share of the training images

    @property
    def count(self) -> int:
        return len(self.centres)

    def assign(self, x: np.ndarray, chunk: int = 8192) -> np.ndarray:
        """The nearest centre of each row of `x`, as int64 indices."""
        out = np.empty(len(x), dtype=np.int64)
        centre_norms = np.einsum("kd,kd->k", self.centres, self.centres)
        for start in range(0, len(x), chunk):
            rows = x[start:start + chunk]
            # |x − c|² = |x|² − 2·x·c + |c|²; |x|² is the same for every centre. The 2 scales
            # the (rows, k) product, not the (rows, 784) images (exact either way: a power of 2).
            out[start:start + chunk] = np.argmin(centre_norms - 2.0 * (rows @ self.centres.T), axis=1)
        return out

    def pick(self, uniform: np.ndarray) -> np.ndarray:
        """Clusters in proportion to `weights`, from numbers in [0, 1): the inverse CDF, so the
        same latent row always gets the same cluster, and an empty cluster is never picked."""
        edges = np.cumsum(self.weights)
        # Scaled by the total, a draw below 1 always lands before the last edge.
        return np.searchsorted(edges, np.asarray(uniform, np.float64) * edges[-1], side="right")

    def one_hot(self, ids: np.ndarray, out: np.ndarray) -> np.ndarray:
        """Writes the one-hot rows of `ids` into `out` (len(ids), count)."""
        out[...] = 0
        out[np.arange(len(ids)), ids] = 1
        return out


def fit_clusters(x: np.ndarray, k: int, rng: np.random.Generator) -> Clusters:
    """k-means (k-means++ seeding, then Lloyd's iterations) on the rows of `x`. Deterministic
    for a given `rng` state; a dataset of fewer than k distinct images leaves clusters empty."""
    x = np.asarray(x, dtype=np.float32)
    sample = x if len(x) <= FIT_ROWS else x[np.sort(rng.choice(len(x), FIT_ROWS, replace=False))]
    centres = _seed_centres(sample, k, rng)
    clusters = Clusters(centres, np.zeros(k))
    for _ in range(LLOYD_ITERATIONS):
        members = clusters.assign(sample)
        counts = np.bincount(members, minlength=k)
        onehot = np.zeros((k, len(sample)), dtype=np.float32)
        onehot[members, np.arange(len(sample))] = 1.0
        sums = onehot @ sample   # each cluster's sum, as one matrix product
        filled = counts > 0
        centres[filled] = sums[filled] / counts[filled, None]
    counts = np.bincount(clusters.assign(x), minlength=k).astype(np.float64)
    clusters.weights = counts / counts.sum()
    return clusters


def _seed_centres(x: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """k-means++ (Arthur & Vassilvitskii 2007): each new centre is drawn with probability
    proportional to its squared distance from the nearest centre so far."""
    centres = np.empty((k, x.shape[1]), dtype=np.float32)
    norms = np.einsum("nd,nd->n", x, x, dtype=np.float64)

    def squared_distances(centre):   # from every row of x to one centre
        return np.maximum(norms - 2.0 * (x @ centre) + float(centre @ centre), 0.0)

    centres[0] = x[rng.integers(len(x))]
    nearest = squared_distances(centres[0])
    for i in range(1, k):
        total = nearest.sum()
        pick = rng.choice(len(x), p=nearest / total) if total > 0 else rng.integers(len(x))
        centres[i] = x[pick]
        np.minimum(nearest, squared_distances(centres[i]), out=nearest)
    return centres


def label_clusters(x: np.ndarray, labels: np.ndarray, count: int) -> Clusters:
    """One cluster per label (a conditional GAN): the centres are the classes' mean images and
    the weights their shares, so G is asked for each digit as often as the data holds it. A
    digit absent from the data (filtered out) gets weight 0 and is never picked."""
    labels = np.asarray(labels, np.int64)
    counts = np.bincount(labels, minlength=count)[:count].astype(np.float64)
    onehot = np.zeros((count, len(x)), dtype=np.float32)
    onehot[labels, np.arange(len(x))] = 1.0
    centres = (onehot @ np.asarray(x, np.float32)) / np.maximum(counts, 1)[:, None].astype(np.float32)
    return Clusters(centres, counts / counts.sum())
