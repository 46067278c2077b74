"""Looking inside the generator: what each noise dimension of a one-layer G paints (its weight
matrix as images), and for deeper generators a walk between noise vectors (a row of noise rows
whose images morph from one digit into another).

Qt-free; the window copies the weights and draws the rows between training records
(gui/window/network_probes.py)."""

from __future__ import annotations

import numpy as np

from ganstudio.core.config.settings import GANConfig, generator_shapes
from ganstudio.core.gan.model_parts import IMAGE_SIDE, sample_noise


def single_layer_weights(algorithm) -> np.ndarray | None:
    """The weights of G's only dense layer (n_in, 784): the classic algorithm's "first network"
    as the stack trains it, or a one-layer modern G; None for deeper generators. A view into the
    live buffer: copy it where the session holds still."""
    if len(generator_shapes(algorithm.config)) != 1:
        return None
    network = algorithm.stack if hasattr(algorithm, "stack") else algorithm.generator
    return network.dense_layers[0].params[0]


def weight_images(weights: np.ndarray, count: int) -> np.ndarray:
    """uint8 (count, 28, 28): row j of `weights` (n_in, 784) is what noise dimension j adds to
    every pixel. Grey is nothing, white adds ink, black takes it away. One scale for all rows
    (2.5 times their RMS), so the dimensions that paint strongly stand out."""
    w = np.asarray(weights[:count], dtype=np.float32)
    rms = float(np.sqrt(np.mean(np.square(w, dtype=np.float64)))) if w.size else 0.0
    gain = 127.5 / (2.5 * rms) if rms > 0 else 0.0
    pixels = np.clip(w * np.float32(gain) + np.float32(128.0), 0, 255)
    return pixels.astype(np.uint8).reshape(len(w), IMAGE_SIDE, IMAGE_SIDE)


def interpolate(start: np.ndarray, end: np.ndarray, fractions: np.ndarray,
                spherical_columns: int = 0) -> np.ndarray:
    """Rows between two noise rows at `fractions` (0: start, 1: end). The first
    `spherical_columns` go along the great circle (normal noise keeps its typical length there;
    a straight line passes near the origin, where G never saw noise); the rest straight."""
    fractions = np.asarray(fractions, np.float64)[:, None]
    start64, end64 = np.asarray(start, np.float64), np.asarray(end, np.float64)
    rows = start64 + fractions * (end64 - start64)
    k = spherical_columns
    if k:
        a, b = start64[:k], end64[:k]
        cos = np.dot(a, b) / max(np.linalg.norm(a) * np.linalg.norm(b), 1e-12)
        angle = np.arccos(np.clip(cos, -1.0, 1.0))
        if angle > 1e-6:
            rows[:, :k] = (np.sin((1 - fractions) * angle) * a + np.sin(fractions * angle) * b) / np.sin(angle)
    return rows.astype(np.asarray(start).dtype)


class LatentWalk:
    """`count` noise rows from one noise vector to another. `advance` animates it: both ends
    glide towards a next pair, which is then the pair, and so on."""

    def __init__(self, config: GANConfig, seed: int = 0, count: int = 10) -> None:
        self.config, self.count = config, count
        self._rng = np.random.default_rng([config.seed, 5, seed])
        self._spherical = config.noise_dim if config.noise == "normal" else 0
        self.pair = self._fresh_pair()
        self._next = self._fresh_pair()
        self.phase = 0.0   # how far the ends have glided towards the next pair

    def _fresh_pair(self) -> np.ndarray:
        return sample_noise(self.config, self._rng, 2)

    def new_pair(self) -> None:
        self.pair, self._next, self.phase = self._fresh_pair(), self._fresh_pair(), 0.0

    def advance(self, step: float) -> None:
        self.phase += step
        while self.phase >= 1.0:
            self.pair, self._next = self._next, self._fresh_pair()
            self.phase -= 1.0

    def noise(self) -> np.ndarray:
        """(count, noise width): the row to draw now."""
        ends = [interpolate(self.pair[i], self._next[i], [self.phase], self._spherical)[0]
                for i in (0, 1)]
        return interpolate(ends[0], ends[1], np.linspace(0.0, 1.0, self.count), self._spherical)
