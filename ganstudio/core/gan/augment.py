"""Adaptive augmentation of D's inputs, so that D cannot memorise a small training set.

After enough passes over a few thousand digits, D learns the training images by heart: it rates
them ever more surely real, fakes surely fake, and G's gradients give out (the collapse of a long
`fast` run, docs/quality.md). Shifting every image D sees — real and fake alike — by a pixel or
two defeats pixel-exact memory. Shifting from the start slows the first seconds, so, as in
adaptive discriminator augmentation (Karras et al. 2020, "ADA"), a share `p` of D's images is
shifted, and `p` follows an overfitting signal: r = mean(sign(D's logit on reals)), which is
near 0 while D and G are balanced and tends to 1 as D memorises. While r is above the target,
p rises; below, it falls, down to 0. The shift is differentiable: G learns through it.
"""

from __future__ import annotations

import numpy as np

from ganstudio.core.gan.model_parts import IMAGE_SIDE, IMAGE_SIZE

MAX_SHIFT = 2             # pixels, in each direction
ADJUST_EVERY = 4          # iterations between two adjustments of p (ADA's interval)
FULL_SWING = 2_500        # iterations p needs to go from 0 to 1 at a steady signal


def shift_images(rows: np.ndarray, shifts: np.ndarray, background: float) -> None:
    """Moves the image part of each row of `rows` (n, 784 + …) by its (dy, dx) in `shifts`
    (n, 2), in place; uncovered pixels get `background`."""
    moved = np.flatnonzero(np.any(shifts, axis=1))
    if not len(moved):
        return
    side, m = IMAGE_SIDE, MAX_SHIFT
    padded = np.full((len(moved), side + 2 * m, side + 2 * m), background, dtype=rows.dtype)
    padded[:, m:m + side, m:m + side] = rows[moved, :IMAGE_SIZE].reshape(-1, side, side)
    rows[moved, :IMAGE_SIZE] = padded[_windows(shifts[moved])].reshape(len(moved), IMAGE_SIZE)


def unshift_gradient(grad: np.ndarray, shifts: np.ndarray) -> np.ndarray:
    """The gradient with respect to the images before `shift_images`, from the gradient with
    respect to the shifted images (n, 784); pixels shifted out of view get 0."""
    moved = np.flatnonzero(np.any(shifts, axis=1))
    if not len(moved):
        return grad
    side, m = IMAGE_SIDE, MAX_SHIFT
    out = np.array(grad, copy=True)
    padded = np.zeros((len(moved), side + 2 * m, side + 2 * m), dtype=grad.dtype)
    padded[_windows(shifts[moved])] = grad[moved].reshape(-1, side, side)
    out[moved] = padded[:, m:m + side, m:m + side].reshape(len(moved), IMAGE_SIZE)
    return out


def _windows(shifts: np.ndarray):
    """Index arrays that pick each image's 28×28 window out of its padded copy."""
    steps = np.arange(IMAGE_SIDE)
    rows = (MAX_SHIFT + shifts[:, 0])[:, None, None] + steps[None, :, None]
    cols = (MAX_SHIFT + shifts[:, 1])[:, None, None] + steps[None, None, :]
    return np.arange(len(shifts))[:, None, None], rows, cols


class AdaptiveAugment:
    def __init__(self, target: float) -> None:
        self.target = target
        self.p = 0.0
        self._signal_sum = 0.0
        self._signal_count = 0

    def draw_shifts(self, n: int, rng: np.random.Generator) -> np.ndarray | None:
        """(n, 2) shifts, zero for the rows left alone; None (and no random draws) at p = 0."""
        if self.p <= 0.0:
            return None
        shifts = rng.integers(-MAX_SHIFT, MAX_SHIFT + 1, size=(n, 2))
        shifts[rng.random(n) >= self.p] = 0
        return shifts

    def observe(self, real_logits: np.ndarray) -> None:
        """D's logits on this iteration's reals; every few iterations p moves."""
        self._signal_sum += float(np.mean(np.sign(real_logits)))
        self._signal_count += 1
        if self._signal_count == ADJUST_EVERY:
            signal = self._signal_sum / ADJUST_EVERY
            step = ADJUST_EVERY / FULL_SWING
            self.p = min(1.0, max(0.0, self.p + (step if signal > self.target else -step)))
            self._signal_sum, self._signal_count = 0.0, 0

    def state_dict(self) -> dict:
        return {"augment_p": self.p, "augment_signal_sum": self._signal_sum,
                "augment_signal_count": self._signal_count}

    def load_state_dict(self, state: dict) -> None:
        self.p = float(state.get("augment_p", 0.0))
        self._signal_sum = float(state.get("augment_signal_sum", 0.0))
        self._signal_count = int(state.get("augment_signal_count", 0))
