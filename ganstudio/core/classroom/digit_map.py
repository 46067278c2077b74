"""The map of digit space (issue 22 part 1): a fixed 2-D plane through the real digits, the real
digits on it as one cloud per class, the fixed batch of fakes as dots, and for each fake an
arrow: where G's loss, judged by D as it is now, pushes that image.

The plane is the first two principal components of the real digits' pixels (in [0, 1]), fitted
once per dataset and cached by its fingerprint, so it does not move while G learns: a fake's dot
moving across the map from one iteration to the next is G changing, not the map. The arrows are
honest because the map is linear: a fake image x is projected, then x − ε·∇ₓL_G(x) (a small step
down G's loss at that image; D back-propagated, its weights untouched) is projected, and the
arrow joins the two. One ε is used for every fake, chosen so the longest arrow is a readable
fraction of the map; the arrows' relative lengths are the gradients' (as seen on the plane).

Here in classroom, not quality: it needs D's backward pass (gan, engine) and a session, and the
quality layer's judge is not needed — pixels suffice for a fixed plane, and their principal axes
are what a lesson can explain ("the two directions in which handwritten digits vary most").
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from ganstudio.core.gan.algorithm import generator_loss
from ganstudio.core.gan.model_parts import IMAGE_SIZE, build_discriminator

FIT_LIMIT = 10_000     # real digits the plane is fitted on (evenly spaced through the dataset)
REAL_POINTS = 2_000    # real digits drawn as the clouds
ARROW_SHARE = 0.08     # the longest arrow: this share of the clouds' extent
_CACHE: OrderedDict[str, DigitPlane] = OrderedDict()
_CACHE_SIZE = 4


@dataclass(frozen=True)
class DigitPlane:
    mean: np.ndarray   # (784,) float64, the mean real digit in [0, 1]
    axes: np.ndarray   # (2, 784) float64, orthonormal: the first two principal axes

    def project(self, pixels01: np.ndarray) -> np.ndarray:
        """(n, 784) images in [0, 1] -> (n, 2) points on the plane."""
        return (np.asarray(pixels01, np.float64) - self.mean) @ self.axes.T


def fit_plane(images: np.ndarray, limit: int = FIT_LIMIT) -> DigitPlane:
    """The principal plane of uint8 (n, 28, 28) digits, from at most `limit` evenly spaced ones.
    Deterministic: each axis points the way its largest loading is positive."""
    if len(images) < 3:
        raise ValueError("a map needs at least three real digits")
    every = max(1, -(-len(images) // limit))
    x = images[::every].reshape(-1, IMAGE_SIZE).astype(np.float64) / 255.0
    mean = x.mean(axis=0)
    x -= mean
    values, vectors = np.linalg.eigh(x.T @ x)          # 784 × 784, whatever n is
    axes = vectors[:, np.argsort(values)[::-1][:2]].T.copy()
    for axis in axes:
        if axis[np.argmax(np.abs(axis))] < 0:
            axis *= -1
    return DigitPlane(mean, axes)


def plane_for(dataset) -> DigitPlane:
    """The plane of a dataset, fitted once per process and data (its fingerprint)."""
    key = dataset.fingerprint()
    plane = _CACHE.get(key)
    if plane is None:
        plane = _CACHE[key] = fit_plane(dataset.images)
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    _CACHE.move_to_end(key)
    return plane


@dataclass(frozen=True)
class DigitMap:
    real_points: np.ndarray          # (m, 2)
    real_labels: np.ndarray | None   # (m,) digits 0-9, or None for unlabelled data
    fakes: np.ndarray                # (n, 2) the fixed batch's images
    fakes_after: np.ndarray          # (n, 2) each after a step of ε down G's loss
    step: float                      # ε, in [0, 1] pixel units per unit of gradient
    iteration: int


def digit_map(session, dataset=None, reals: int = REAL_POINTS) -> DigitMap:
    """The map of `session` now, on `dataset` (default: the session's). Call where the session
    holds still (between iterations): it reads the weights and uses a private copy of D."""
    dataset = dataset if dataset is not None else session.dataset
    if dataset is None or len(dataset.images) < 3:
        raise ValueError("a map needs the real digits the session learns from")
    plane = plane_for(dataset)
    every = max(1, -(-len(dataset.images) // reals))
    real_images = dataset.images[::every]
    real_points = plane.project(real_images.reshape(-1, IMAGE_SIZE) / 255.0)
    labels = None if dataset.labels is None else np.asarray(dataset.labels[::every])

    config = session.config
    algorithm = session.algorithm
    noise = session.fixed_noise
    fakes = np.array(algorithm.generate(noise), dtype=np.float64)   # what the grid shows
    gradient = loss_and_gradient(session, fakes, noise)[1]
    to01 = 0.5 if config.pixel_range == "pm1" else 1.0   # d(pixel in [0, 1]) / d(G's output)
    fakes01 = (fakes + 1.0) * 0.5 if config.pixel_range == "pm1" else fakes
    before = plane.project(fakes01)
    # How far a unit step moves each dot on the plane: linear, so ε can be chosen from it.
    reach = np.linalg.norm((gradient * to01) @ plane.axes.T, axis=1)
    extent = float(np.ptp(real_points, axis=0).max()) if len(real_points) else 1.0
    step = ARROW_SHARE * extent / reach.max() if reach.max() > 0 else 0.0
    after = plane.project(fakes01 - step * to01 * gradient)
    return DigitMap(real_points, labels, before, after, float(step), session.iteration)


def loss_and_gradient(session, fakes: np.ndarray, noise: np.ndarray) -> tuple[float, np.ndarray]:
    """G's loss on the fake images `fakes` (rows in G's output space, drawn from `noise`) and its
    gradient ∇ₓ at each: D as it is now (inference, no dropout) back-propagated to its input,
    on a private copy of its weights, never written."""
    config, algorithm = session.config, session.algorithm
    d = build_discriminator(config, np.random.default_rng(0))
    d.flat_params[...] = algorithm.discriminator.flat_params
    x = np.asarray(fakes, d.flat_params.dtype)
    clusters = getattr(algorithm, "clusters", None)
    if clusters is not None:   # D is told each fake's cluster, as in training
        coded = np.empty((len(x), IMAGE_SIZE + clusters.count), x.dtype)
        coded[:, :IMAGE_SIZE] = x
        clusters.one_hot(clusters.pick(noise[:, -1]), coded[:, IMAGE_SIZE:])
        x = coded
    loss = generator_loss(config)
    probs = d.forward(x, training=False)
    value = loss.forward(d.logits if loss.on_logits else probs, np.ones((len(x), 1), x.dtype))
    dx = d.backward(loss.backward(), param_grads=False, skip_last=loss.on_logits)
    return float(value), np.asarray(dx[:, :IMAGE_SIZE], np.float64)
