"""Asking D about one image (a digit the user draws): a private copy of D, loaded from weights
copied between training records, so the training thread's D and its work buffers are never
touched. The image is prepared as the session prepares its real images (pixel range, and with
clusters the code of the nearest cluster)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ganstudio.core.config.settings import GANConfig
from ganstudio.core.gan.clusters import Clusters
from ganstudio.core.gan.model_parts import IMAGE_SIZE, build_discriminator, images_to_input


@dataclass(frozen=True)
class DiscriminatorWeights:
    config: GANConfig
    params: np.ndarray             # a copy of D's flat parameter buffer
    clusters: Clusters | None      # a copy of the clusters D is told about, if any


def copy_discriminator(session) -> DiscriminatorWeights:
    """Call where the session holds still (between records): copies, nothing else."""
    algorithm = session.algorithm
    clusters = getattr(algorithm, "clusters", None)
    if clusters is not None:
        clusters = Clusters(clusters.centres.copy(), clusters.weights.copy())
    return DiscriminatorWeights(session.config, algorithm.discriminator.flat_params.copy(), clusters)


class DiscriminatorProbe:
    def __init__(self) -> None:
        self._network = None
        self._weights: DiscriminatorWeights | None = None

    @property
    def ready(self) -> bool:
        return self._network is not None

    def load(self, weights: DiscriminatorWeights) -> None:
        """Takes new weights; a D of another shape (another preset) is built anew. A D whose
        input is more than the image (and its cluster), such as one that is also told a label,
        cannot be asked about a drawing alone: the probe is then not ready."""
        if self._weights is None or self._weights.config != weights.config:
            network = build_discriminator(weights.config, np.random.default_rng(0))
            clusters = weights.clusters.count if weights.clusters is not None else 0
            fits = (network.flat_params.size == weights.params.size
                    and network.dense_layers[0].n_in == IMAGE_SIZE + clusters)
            self._network = network if fits else None
        self._weights = weights
        if self._network is not None:
            self._network.flat_params[...] = weights.params

    def real_probability(self, image: np.ndarray) -> float | None:
        """D's output for a uint8 (28, 28) image: its probability that the image is real."""
        if self._network is None:
            return None
        w = self._weights
        x = images_to_input(image[None], w.config)
        if w.clusters is not None:
            coded = np.empty((1, IMAGE_SIZE + w.clusters.count), x.dtype)
            coded[:, :IMAGE_SIZE] = x
            w.clusters.one_hot(w.clusters.assign(x), coded[:, IMAGE_SIZE:])
            x = coded
        return float(self._network.forward(x, training=False)[0, 0])
