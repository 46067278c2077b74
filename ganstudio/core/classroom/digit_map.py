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

The shading is honest for the same reason: the plane is PCA on pixels, so it has an inverse. A
coarse grid of points on the plane (SHADE_CELLS × SHADE_CELLS, over the box the map shows) is
decoded to images (the mean digit plus each point's coordinates along the two axes, clipped to the
data's pixel range), and D as it is now scores them: one forward pass over ~600 images. The
shade at a point is D's score for the image at that point of the plane; it says nothing of the
images off the plane (a fake's dot may sit on a "real" shade while D rejects the fake itself,
which is off the plane: its own score is `fake_scores`).

Here in classroom, not quality: it needs D's backward pass (gan, engine) and a session, and the
quality layer's judge is not needed — pixels suffice for a fixed plane, and their principal axes
are what a lesson can explain ("the two directions in which handwritten digits vary most").
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from ganstudio.core.gan.algorithm import generator_loss
from ganstudio.core.gan.model_parts import IMAGE_SIZE, build_discriminator, min_max_rows

FIT_LIMIT = 10_000     # real digits the plane is fitted on (evenly spaced through the dataset)
REAL_POINTS = 2_000    # real digits drawn as the clouds
ARROW_SHARE = 0.08     # the longest arrow: this share of the clouds' extent
SHADE_CELLS = 24       # the shading's grid: 24 × 24 = 576 decoded images, one D forward pass
SHADE_MARGIN = 0.05    # the box around the clouds, fakes and arrows: this share of its span more
_CACHE: OrderedDict[str, DigitPlane] = OrderedDict()
_REALS: OrderedDict[tuple, tuple] = OrderedDict()   # (fingerprint, reals) -> points, labels
_CACHE_SIZE = 4


@dataclass(frozen=True)
class DigitPlane:
    mean: np.ndarray   # (784,) float64, the mean real digit in [0, 1]
    axes: np.ndarray   # (2, 784) float64, orthonormal: the first two principal axes
    low: float = 0.0   # the pixel range the data uses (in [0, 1]): what decoded images are clipped to
    high: float = 1.0

    def project(self, pixels01: np.ndarray) -> np.ndarray:
        """(n, 784) images in [0, 1] -> (n, 2) points on the plane."""
        return (np.asarray(pixels01, np.float64) - self.mean) @ self.axes.T

    def decode(self, points: np.ndarray) -> np.ndarray:
        """(n, 2) points on the plane -> (n, 784) images in the data's pixel range: the mean digit
        plus the point's coordinates along the axes, clipped. Before clipping, project() of the
        image gives the point back (the axes are orthonormal)."""
        images = self.mean + np.asarray(points, np.float64) @ self.axes
        return np.clip(images, self.low, self.high, out=images)


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
    low, high = float(images.min()) / 255.0, float(images.max()) / 255.0
    return DigitPlane(mean, axes, low, high)


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


def real_points_for(dataset, reals: int = REAL_POINTS) -> tuple[np.ndarray, np.ndarray | None]:
    """The real digits drawn as the clouds (`reals` evenly spaced ones) on the dataset's plane,
    and their labels: computed once per dataset, the same arrays every map (read-only)."""
    key = (dataset.fingerprint(), reals)
    found = _REALS.get(key)
    if found is None:
        plane = plane_for(dataset)
        every = max(1, -(-len(dataset.images) // reals))
        points = plane.project(dataset.images[::every].reshape(-1, IMAGE_SIZE) / 255.0)
        labels = None if dataset.labels is None else np.array(dataset.labels[::every])
        for array in (points, labels):
            if array is not None:
                array.flags.writeable = False
        found = _REALS[key] = (points, labels)
        while len(_REALS) > _CACHE_SIZE:
            _REALS.popitem(last=False)
    _REALS.move_to_end(key)
    return found


@dataclass(frozen=True)
class DigitMap:
    real_points: np.ndarray          # (m, 2)
    real_labels: np.ndarray | None   # (m,) digits 0-9, or None for unlabelled data
    fakes: np.ndarray                # (n, 2) the fixed batch's images
    fakes_after: np.ndarray          # (n, 2) each after a step of ε down G's loss
    step: float                      # ε, in [0, 1] pixel units per unit of gradient
    iteration: int
    # D's score (its output, 1 = "real") for the image each point of the plane decodes to:
    # shade[i, j] at the centre of cell (i, j) of `box`, row i from the bottom (low y) up.
    shade: np.ndarray | None = None                     # (SHADE_CELLS, SHADE_CELLS)
    box: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 1.0)   # x0, y0, x1, y1: the cells' edges
    fake_scores: np.ndarray | None = None               # (n,) D's score for each fake itself

    def spread(self) -> float:
        """How widely the fakes lie: the root mean square distance of their dots from their
        centre, on the plane (what shrinks when G collapses onto one shape)."""
        return float(np.sqrt(((self.fakes - self.fakes.mean(axis=0)) ** 2).sum(axis=1).mean()))


def shading_box(*point_sets: np.ndarray, margin: float = SHADE_MARGIN) -> tuple[float, float, float, float]:
    """The box around all the points, `margin` of its span wider on every side."""
    every = np.concatenate([np.asarray(p, np.float64).reshape(-1, 2) for p in point_sets])
    low, high = every.min(axis=0), every.max(axis=0)
    pad = margin * np.maximum(high - low, 1e-9)
    (x0, y0), (x1, y1) = low - pad, high + pad
    return float(x0), float(y0), float(x1), float(y1)


def cell_centres(box: tuple[float, float, float, float], cells: int = SHADE_CELLS) -> np.ndarray:
    """(cells², 2) the centres of the box's cells, row by row from the bottom (low y) up."""
    x0, y0, x1, y1 = box
    xs = x0 + (np.arange(cells) + 0.5) * (x1 - x0) / cells
    ys = y0 + (np.arange(cells) + 0.5) * (y1 - y0) / cells
    grid_x, grid_y = np.meshgrid(xs, ys)
    return np.column_stack([grid_x.ravel(), grid_y.ravel()])


def digit_map(session, dataset=None, reals: int = REAL_POINTS) -> DigitMap:
    """The map of `session` now, on `dataset` (default: the session's). Call where the session
    holds still (between iterations): it reads the weights and uses a private copy of D."""
    dataset = dataset if dataset is not None else session.dataset
    if dataset is None or len(dataset.images) < 3:
        raise ValueError("a map needs the real digits the session learns from")
    plane = plane_for(dataset)
    real_points, labels = real_points_for(dataset, reals)

    config = session.config
    algorithm = session.algorithm
    noise = session.fixed_noise
    fakes = np.array(algorithm.generate(noise), dtype=np.float64)   # what the grid shows
    d = private_discriminator(session)
    _loss, gradient, fake_scores = loss_and_gradient(session, fakes, noise, d)
    to01 = 0.5 if config.pixel_range == "pm1" else 1.0   # d(pixel in [0, 1]) / d(G's output)
    fakes01 = (fakes + 1.0) * 0.5 if config.pixel_range == "pm1" else fakes
    before = plane.project(fakes01)
    # How far a unit step moves each dot on the plane: linear, so ε can be chosen from it.
    reach = np.linalg.norm((gradient * to01) @ plane.axes.T, axis=1)
    extent = float(np.ptp(real_points, axis=0).max()) if len(real_points) else 1.0
    step = ARROW_SHARE * extent / reach.max() if reach.max() > 0 else 0.0
    after = plane.project(fakes01 - step * to01 * gradient)
    box = shading_box(real_points, before, after)
    shade = d_scores(session, plane.decode(cell_centres(box)), d).reshape(SHADE_CELLS, SHADE_CELLS)
    return DigitMap(real_points, labels, before, after, float(step), session.iteration,
                    shade, box, fake_scores)


def private_discriminator(session):
    """A copy of D as it is now, to run and back-propagate without touching the session's."""
    d = build_discriminator(session.config, np.random.default_rng(0))
    d.flat_params[...] = session.algorithm.discriminator.flat_params
    return d


def _with_clusters(algorithm, x: np.ndarray, ids) -> np.ndarray:
    clusters = getattr(algorithm, "clusters", None)
    if clusters is None:
        return x
    coded = np.empty((len(x), IMAGE_SIZE + clusters.count), x.dtype)
    coded[:, :IMAGE_SIZE] = x
    clusters.one_hot(ids(clusters, x), coded[:, IMAGE_SIZE:])
    return coded


def d_scores(session, images01: np.ndarray, d=None) -> np.ndarray:
    """D's score (1 = "real") for each (n, 784) image in [0, 1], given to D as it is given real
    digits: in D's pixel range and, with clusters, told the nearest cluster (as the training
    digits are told theirs; for the conditional preset, the digit whose mean image is nearest)."""
    d = d if d is not None else private_discriminator(session)
    x = np.asarray(images01, d.flat_params.dtype)
    pixels = session.config.pixel_range
    if pixels == "pm1":
        x = x * 2 - 1
    elif pixels == "minmax01":
        x = min_max_rows(x)
    x = _with_clusters(session.algorithm, x, lambda clusters, rows: clusters.assign(rows))
    return np.asarray(d.forward(x, training=False)[:, 0], np.float64).copy()


def loss_and_gradient(session, fakes: np.ndarray, noise: np.ndarray, d=None) -> tuple[float, np.ndarray, np.ndarray]:
    """G's loss on the fake images `fakes` (rows in G's output space, drawn from `noise`), its
    gradient ∇ₓ at each, and D's score for each: D as it is now (inference, no dropout)
    back-propagated to its input, on a private copy of its weights, never written."""
    config, algorithm = session.config, session.algorithm
    d = d if d is not None else private_discriminator(session)
    x = np.asarray(fakes, d.flat_params.dtype)
    # D is told each fake's cluster, as in training.
    x = _with_clusters(algorithm, x, lambda clusters, _rows: clusters.pick(noise[:, -1]))
    loss = generator_loss(config)
    probs = d.forward(x, training=False)
    scores = np.asarray(probs[:, 0], np.float64).copy()
    value = loss.forward(d.logits if loss.on_logits else probs, np.ones((len(x), 1), x.dtype))
    dx = d.backward(loss.backward(), param_grads=False, skip_last=loss.on_logits)
    return float(value), np.asarray(dx[:, :IMAGE_SIZE], np.float64), scores


class MapTimeline:
    """The map at each iteration the session's timeline keeps a frame of (core/training/
    timeline.py), made when training reaches it, so its arrows and shading are D's as it was
    then (a checkpoint keeps only the last D). Thinned and cut with the timeline: at most its
    capacity of maps, each a few kB (the clouds' points are shared). `follow` after every
    iteration; it reads the session between iterations and changes nothing in it."""

    def __init__(self) -> None:
        self._maps: dict[int, DigitMap] = {}

    def __len__(self) -> int:
        return len(self._maps)

    def follow(self, session) -> None:
        iterations = session.timeline.snapshot()[0]
        if iterations and iterations[-1] == session.iteration and session.iteration not in self._maps:
            self._maps[session.iteration] = digit_map(session)
        kept = set(iterations)
        for iteration in [i for i in self._maps if i not in kept]:
            del self._maps[iteration]

    def frames(self, session) -> list[DigitMap]:
        """The maps oldest first, ending with the session's now (as the timeline's export does)."""
        maps = dict(self._maps)
        if not maps or session.iteration > max(maps):
            maps[session.iteration] = digit_map(session)
        return [maps[i] for i in sorted(maps)]
