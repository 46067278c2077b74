"""Losses: `forward(pred, target) -> float` and `backward() -> dpred`, both means over the batch.

Losses whose `on_logits` is True take the logits of the network's final sigmoid (see
`Network.logits`) instead of its probabilities, which keeps them finite when the sigmoid
saturates; the caller then back-propagates with `skip_last=True`.
"""

from __future__ import annotations

import numpy as np


class Loss:
    on_logits = False

    def forward(self, pred: np.ndarray, target) -> float:
        raise NotImplementedError

    def backward(self) -> np.ndarray:
        raise NotImplementedError


class SquaredError(Loss):
    """½·Σ(p − t)² / m: DeepLearnToolbox's loss for a sigmoid output ("sigm" + nnbp)."""

    def forward(self, pred, target):
        self._diff = pred - target
        return float(0.5 * np.sum(self._diff * self._diff, dtype=np.float64) / pred.shape[0])

    def backward(self):
        return self._diff / self._diff.shape[0]


class BinaryCrossEntropy(Loss):
    """Mean over the batch of −[t·log σ(z) + (1 − t)·log(1 − σ(z))], computed from logits z.

    With target 1 on fakes this is also the non-saturating generator loss −log D(G(z))."""

    on_logits = True

    def forward(self, logits, target):
        z = logits.astype(np.float64, copy=False)
        t = np.broadcast_to(np.asarray(target, dtype=np.float64), z.shape)
        self._z, self._t = logits, t
        # max(z, 0) − z·t + log(1 + e^−|z|) is the stable form.
        per_row = np.maximum(z, 0.0) - z * t + np.log1p(np.exp(-np.abs(z)))
        return float(np.sum(per_row) / z.shape[0])

    def backward(self):
        z = self._z
        grad = np.empty_like(z)
        np.negative(z, out=grad)
        np.clip(grad, -80.0, 80.0, out=grad)
        np.exp(grad, out=grad)
        grad += 1.0
        np.reciprocal(grad, out=grad)  # σ(z)
        grad -= self._t.astype(z.dtype, copy=False)
        grad *= 1.0 / z.shape[0]
        return grad


class SaturatingGeneratorLoss(Loss):
    """log(1 − D(G(z))), the minimax generator loss of the 2014 paper (it saturates early
    in training, which is why everyone uses the non-saturating form instead)."""

    on_logits = True

    def forward(self, logits, target=None):
        z = logits.astype(np.float64, copy=False)
        self._z = logits
        # log(1 − σ(z)) = −softplus(z)
        return float(-np.sum(np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))) / z.shape[0])

    def backward(self):
        z = self._z
        sig = 1.0 / (1.0 + np.exp(-np.clip(z, -80.0, 80.0)))
        return (-sig / z.shape[0]).astype(z.dtype, copy=False)


class LeastSquares(Loss):
    """½·mean((z − t)²) on the logits: the least-squares GAN (Mao et al. 2017)."""

    on_logits = True

    def forward(self, logits, target):
        self._diff = logits - np.asarray(target, dtype=logits.dtype)
        return float(0.5 * np.sum(self._diff * self._diff, dtype=np.float64) / logits.shape[0])

    def backward(self):
        return self._diff / self._diff.shape[0]


class SoftmaxCrossEntropy(Loss):
    """Mean cross-entropy of softmax(logits) against integer class labels, for classifiers.
    Here `pred` is the raw output of a final Dense layer (no activation)."""

    def forward(self, logits, labels):
        z = logits.astype(np.float64) - logits.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(z).sum(axis=1, keepdims=True))
        self._log_probs = z - log_norm
        self._labels = np.asarray(labels)
        rows = np.arange(len(self._labels))
        self._dtype = logits.dtype
        return float(-self._log_probs[rows, self._labels].mean())

    def backward(self):
        grad = np.exp(self._log_probs)
        grad[np.arange(len(self._labels)), self._labels] -= 1.0
        return (grad / len(self._labels)).astype(self._dtype)


LOSSES = {
    "mse": SquaredError,
    "bce": BinaryCrossEntropy,
    "lsgan": LeastSquares,
}
