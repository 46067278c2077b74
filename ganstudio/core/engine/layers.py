"""Layers of the NumPy engine.

A layer has `params` and `grads` (lists of arrays of the same shapes), `forward(x, training)`
and `backward(dy)`. `backward` overwrites `grads` (it does not accumulate) and returns the
gradient with respect to the input. A `Network` re-binds every layer's params and grads to
views of one flat buffer (see `bind`), which is what lets an optimizer update all weights in a
handful of vectorised operations.

Layers keep per-batch-size work buffers and write into them with `out=`: the hot loop
allocates almost nothing. A returned array is therefore only valid until the layer's next call;
callers that keep results copy them.
"""

from __future__ import annotations

import math

import numpy as np

from ganstudio.core.engine.threads import matmul

BUFFER_SIZES_PER_NAME = 3
SMALL_BATCH = 64  # see Dense.backward


class Layer:
    params: list[np.ndarray]
    grads: list[np.ndarray]
    frozen = False  # a frozen layer passes gradients through but computes none for itself

    def __init__(self) -> None:
        self.params = []
        self.grads = []
        self._buffers: dict[tuple, np.ndarray] = {}

    def forward(self, x: np.ndarray, training: bool = True) -> np.ndarray:
        raise NotImplementedError

    def backward(self, dy: np.ndarray, param_grads: bool = True, input_grad: bool = True):
        raise NotImplementedError

    def bind(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        """Point this layer at new storage (values already copied by the caller)."""
        self.params, self.grads = params, grads

    def _buffer(self, name: str, shape: tuple, dtype) -> np.ndarray:
        key = (name, shape, dtype)
        buf = self._buffers.get(key)
        if buf is None:
            # A few sizes per name, because a network often alternates between batch sizes
            # (D sees reals+fakes, then the generator's batch; the classic D trains on 100 rows
            # and is evaluated on 2000): with one size per name every call would reallocate.
            same_name = [k for k in self._buffers if k[0] == name]
            if len(same_name) >= BUFFER_SIZES_PER_NAME:
                del self._buffers[same_name[0]]  # the oldest
            buf = self._buffers[key] = np.empty(shape, dtype=dtype)
        return buf

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Dense(Layer):
    """y = x @ W + b, with W of shape (n_in, n_out)."""

    def __init__(self, n_in: int, n_out: int, rng: np.random.Generator, init: str = "glorot",
                 dtype=np.float32) -> None:
        super().__init__()
        self.n_in, self.n_out = n_in, n_out
        W, b = _initial_weights(n_in, n_out, rng, init)
        self.params = [W.astype(dtype), b.astype(dtype)]
        self.grads = [np.zeros_like(p) for p in self.params]
        self._x: np.ndarray | None = None

    def forward(self, x, training=True):
        self._x = x
        W, b = self.params
        y = self._buffer("y", (x.shape[0], self.n_out), W.dtype)
        matmul(x, W, y)
        y += b
        return y

    def backward(self, dy, param_grads=True, input_grad=True):
        W = self.params[0]
        if param_grads and not self.frozen:
            dW, db = self.grads
            matmul(self._x.T, dy, dW)
            np.sum(dy, axis=0, out=db)
        if not input_grad:
            return None
        batch = dy.shape[0]
        dx = self._buffer("dx", (batch, self.n_in), W.dtype)
        if batch <= SMALL_BATCH:
            # For a few rows OpenBLAS computes dy @ W.T slowly (it repacks all of W.T for
            # them); W @ dy.T into a transposed buffer plus one transposing copy is 5-50%
            # faster up to 64 rows, and slower from about 128 (measured, float32, 1 thread).
            dx_t = self._buffer("dx_t", (self.n_in, batch), W.dtype)
            matmul(W, dy.T, dx_t)
            np.copyto(dx, dx_t.T)
        else:
            matmul(dy, W.T, dx)
        return dx

    def __repr__(self) -> str:
        return f"Dense({self.n_in}, {self.n_out})"


def _initial_weights(n_in: int, n_out: int, rng: np.random.Generator, init: str):
    if init == "toolbox":
        # DeepLearnToolbox's nnsetup: uniform in ±4·sqrt(6/(fan_in+fan_out)), bias included.
        r = 4.0 * np.sqrt(6.0 / (n_in + n_out))
        return rng.uniform(-r, r, (n_in, n_out)), rng.uniform(-r, r, n_out)
    if init == "glorot":
        r = np.sqrt(6.0 / (n_in + n_out))
        return rng.uniform(-r, r, (n_in, n_out)), np.zeros(n_out)
    if init == "he":
        return rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, n_out)), np.zeros(n_out)
    if init == "normal":  # DCGAN-style N(0, 0.02)
        return rng.normal(0.0, 0.02, (n_in, n_out)), np.zeros(n_out)
    if init == "uniform005":  # pylearn2's irange 0.05: Goodfellow et al. 2014's generator
        return rng.uniform(-0.05, 0.05, (n_in, n_out)), np.zeros(n_out)
    if init == "uniform0005":  # irange 0.005: their discriminator
        return rng.uniform(-0.005, 0.005, (n_in, n_out)), np.zeros(n_out)
    raise ValueError(f"unknown weight initialisation {init!r}")


class Sigmoid(Layer):
    def forward(self, x, training=True):
        self._x = x  # the logits, used by losses that work on them directly
        y = self._buffer("y", x.shape, x.dtype)
        # σ(x) = ½·tanh(x/2) + ½: four passes instead of the five of 1/(1 + exp(−x)) (which
        # also needs a clip against overflow), and tanh is cheaper than exp: 40% faster.
        np.multiply(x, 0.5, out=y)
        np.tanh(y, out=y)
        y *= 0.5
        y += 0.5
        self._y = y
        return y

    @property
    def logits(self) -> np.ndarray:
        return self._x

    def backward(self, dy, param_grads=True, input_grad=True):
        y = self._y
        dx = self._buffer("dx", y.shape, y.dtype)
        np.subtract(1.0, y, out=dx)
        dx *= y
        dx *= dy
        return dx


class Tanh(Layer):
    def forward(self, x, training=True):
        y = self._buffer("y", x.shape, x.dtype)
        np.tanh(x, out=y)
        self._y = y
        return y

    def backward(self, dy, param_grads=True, input_grad=True):
        y = self._y
        dx = self._buffer("dx", y.shape, y.dtype)
        np.multiply(y, y, out=dx)
        np.subtract(1.0, dx, out=dx)
        dx *= dy
        return dx


class ReLU(Layer):
    def forward(self, x, training=True):
        y = self._buffer("y", x.shape, x.dtype)
        np.maximum(x, 0.0, out=y)
        self._y = y
        return y

    def backward(self, dy, param_grads=True, input_grad=True):
        dx = self._buffer("dx", dy.shape, dy.dtype)
        np.multiply(dy, self._y > 0, out=dx)
        return dx


class LeakyReLU(Layer):
    def __init__(self, alpha: float = 0.2) -> None:
        super().__init__()
        self.alpha = float(alpha)

    def forward(self, x, training=True):
        y = self._buffer("y", x.shape, x.dtype)
        # max(x, αx) is LeakyReLU for 0 < α < 1.
        np.multiply(x, self.alpha, out=y)
        np.maximum(x, y, out=y)
        self._x = x
        return y

    def backward(self, dy, param_grads=True, input_grad=True):
        dx = self._buffer("dx", dy.shape, dy.dtype)
        slope = self._buffer("slope", dy.shape, dy.dtype)
        np.greater(self._x, 0.0, out=slope, casting="unsafe")
        slope *= 1.0 - self.alpha
        slope += self.alpha
        np.multiply(dy, slope, out=dx)
        return dx

    def __repr__(self) -> str:
        return f"LeakyReLU({self.alpha})"


class Dropout(Layer):
    """Drops each unit with probability p while training.

    `inverted=True` (modern) scales kept units by 1/(1-p) while training and does nothing at
    test time. `inverted=False` is DeepLearnToolbox's rule, used by the classic preset: plain
    masking while training, activations scaled by (1-p) at test time.
    """

    def __init__(self, p: float, rng: np.random.Generator, inverted: bool = True) -> None:
        super().__init__()
        if not 0.0 <= p < 1.0:
            raise ValueError("dropout probability must be in [0, 1)")
        self.p, self.rng, self.inverted = float(p), rng, inverted
        self._mask: np.ndarray | None = None

    def forward(self, x, training=True):
        y = self._buffer("y", x.shape, x.dtype)
        if self.p == 0.0:
            y[...] = x
            self._mask = None
            return y
        if not training:
            np.multiply(x, 1.0 if self.inverted else 1.0 - self.p, out=y)
            self._mask = None
            return y
        mask = self._buffer("mask", x.shape, x.dtype)
        # Keep a unit when a raw random word is >= p·2^bits: the same Bernoulli(1 − p) as
        # "uniform >= p", without turning every word into a float first. Random numbers are
        # most of dropout's cost, so the narrowest word that states p exactly is used: 8 bits
        # for p = 0.5 (2.5x faster than 32-bit words), 32 bits when no narrower word can.
        word, threshold = _word_and_threshold(self.p)
        raw = self.rng.bit_generator.random_raw(-(-x.size * word.itemsize // 8))
        words = raw.view(word)[:x.size].reshape(x.shape)
        np.greater_equal(words, threshold, out=mask, casting="unsafe")
        if self.inverted:
            mask *= 1.0 / (1.0 - self.p)
        self._mask = mask
        np.multiply(x, mask, out=y)
        return y

    def backward(self, dy, param_grads=True, input_grad=True):
        dx = self._buffer("dx", dy.shape, dy.dtype)
        if self._mask is None:
            dx[...] = dy if self.inverted or self.p == 0.0 else dy * (1.0 - self.p)
        else:
            np.multiply(dy, self._mask, out=dx)
        return dx

    def __repr__(self) -> str:
        return f"Dropout({self.p})"


def _word_and_threshold(p: float) -> tuple[np.dtype, np.unsignedinteger]:
    """The narrowest unsigned word in which p·2^bits is a whole number, and that number (for
    other p, 32-bit words and the threshold rounded up: exact to 2^-32)."""
    for word in (np.dtype(np.uint8), np.dtype(np.uint16)):
        scaled = p * 2.0 ** (8 * word.itemsize)
        if scaled.is_integer():
            return word, word.type(scaled)
    word = np.dtype(np.uint32)
    return word, word.type(min(math.ceil(p * 2.0 ** 32), 2 ** 32 - 1))


class Maxout(Layer):
    """Max over groups of `pieces` consecutive units: (B, units·pieces) -> (B, units).

    Put it after a Dense layer of width units·pieces (Goodfellow et al. 2013)."""

    def __init__(self, pieces: int) -> None:
        super().__init__()
        self.pieces = int(pieces)

    def forward(self, x, training=True):
        batch, width = x.shape
        if width % self.pieces:
            raise ValueError(f"maxout input width {width} is not a multiple of {self.pieces}")
        grouped = x.reshape(batch, width // self.pieces, self.pieces)
        self._argmax = grouped.argmax(axis=2)
        self._in_shape = x.shape
        return np.take_along_axis(grouped, self._argmax[..., None], axis=2)[..., 0]

    def backward(self, dy, param_grads=True, input_grad=True):
        dx = self._buffer("dx", self._in_shape, dy.dtype)
        dx.fill(0.0)
        grouped = dx.reshape(dy.shape[0], -1, self.pieces)
        np.put_along_axis(grouped, self._argmax[..., None], dy[..., None], axis=2)
        return dx

    def __repr__(self) -> str:
        return f"Maxout({self.pieces})"
