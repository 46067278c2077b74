"""Optimizers over a flat parameter buffer (see `Network`).

Each works on a 1-D parameter view and its gradient view, so a whole network is updated by a
few whole-array NumPy operations into preallocated buffers, whatever its number of layers.

The update runs block by block (`BLOCK` elements at a time): its dozen elementwise passes then
read a block that is still in the CPU cache from the previous pass, instead of streaming the
whole multi-megabyte buffer from memory a dozen times. Every operation is elementwise, so the
result is bit-for-bit what the same passes over the whole buffer give, and blocks are
independent: with several blocks, idle helper threads (core/engine/threads.py) take every
other block, each part with its own scratch buffers.
"""

from __future__ import annotations

import math

import numpy as np

from ganstudio.core.engine import threads

# 256 Ki elements (1 MiB in float32): the fastest of 8 Ki..4 Mi measured on a 2-core EPYC
# (Adam over 2 M parameters: 3.75 ms, 128 Ki 3.98 ms, 8 Ki 5.5 ms, unblocked 4.6 ms). Smaller
# blocks pay NumPy's per-call overhead too often; the working set then sits in L3.
BLOCK = 1 << 18


class Optimizer:
    def __init__(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        if params.ndim != 1 or params.shape != grads.shape:
            raise ValueError("an optimizer works on matching 1-D parameter and gradient views")
        self.params, self.grads, self.lr = params, grads, float(lr)
        self._scratch: list[tuple] = []   # per part: (temporary, decay buffer or None)

    def _blocks(self, *arrays: np.ndarray | None) -> list[tuple]:
        """Per block: a view of each of `arrays` (None stays None). Built once: the views stay
        valid because the buffers are only ever written in place."""
        blocks = []
        for start in range(0, self.params.size, BLOCK):
            stop = min(start + BLOCK, self.params.size)
            blocks.append(tuple(None if a is None else a[start:stop] for a in arrays))
        return blocks

    def _in_parts(self, update_block) -> None:
        """update_block(views, tmp, decay) for every block, the blocks dealt out to parts (part j
        takes blocks j, j + parts, ...) that run on idle helpers, each with its own scratch."""
        blocks = self._views
        parts = min(threads.workers(), len(blocks)) if threads.splits() else 1
        if parts == 1 and self._scratch:   # the usual case: no closures, straight through
            tmp, decay = self._scratch[0]
            for views in blocks:
                n = views[0].size
                update_block(views, tmp[:n], None if decay is None else decay[:n])
            return
        while len(self._scratch) < parts:
            size = min(BLOCK, self.params.size)
            self._scratch.append((np.empty(size, self.params.dtype),
                                  np.empty(size, self.params.dtype) if self.weight_decay else None))

        def part(j: int, parts: int = parts) -> None:
            tmp, decay = self._scratch[j]
            for views in blocks[j::parts]:
                n = views[0].size
                update_block(views, tmp[:n], None if decay is None else decay[:n])

        if parts == 1:   # one block (the small presets): straight through
            part(0, 1)
            return
        threads.run_parts(part, parts, ("optimizer", type(self).__name__, self.params.size),
                          lambda: part(0, 1))

    @staticmethod
    def _weight_decay(p: np.ndarray, mask: np.ndarray | None, factor: float, out: np.ndarray) -> np.ndarray:
        """factor·p on the weights and 0 on the biases (mask 0), for one block of p."""
        np.multiply(p, factor, out=out)
        if mask is not None:
            out *= mask
        return out

    def step(self) -> None:
        raise NotImplementedError

    def state_dict(self) -> dict:
        raise NotImplementedError

    def load_state_dict(self, state: dict) -> None:
        raise NotImplementedError


class SGD(Optimizer):
    """DeepLearnToolbox's update: g += λ·W (weights only); v = μ·v + lr·g; W −= v."""

    def __init__(self, params, grads, lr, momentum=0.0, weight_decay=0.0, decay_mask=None):
        super().__init__(params, grads, lr)
        self.momentum, self.weight_decay = float(momentum), float(weight_decay)
        self.decay_mask = decay_mask
        self.velocity = np.zeros_like(params)
        self._views = self._blocks(params, grads, self.velocity, decay_mask)

    def step(self):
        # Python floats, not NumPy float64 scalars: a float64 scalar would make every pass
        # compute in float64 and cast back, several times slower.
        lr, momentum = float(self.lr), float(self.momentum)
        decay = lr * self.weight_decay

        def update_block(views, update, decay_buffer):
            p, g, velocity, mask = views
            np.multiply(g, lr, out=update)
            if decay:
                update += self._weight_decay(p, mask, decay, decay_buffer)
            if momentum:
                velocity *= momentum
                velocity += update
                update = velocity
            p -= update

        self._in_parts(update_block)

    def state_dict(self):
        return {"velocity": self.velocity.copy(), "lr": self.lr, "momentum": self.momentum}

    def load_state_dict(self, state):
        self.velocity[...] = state["velocity"]
        self.lr, self.momentum = float(state["lr"]), float(state["momentum"])


class Adam(Optimizer):
    """Adam (Kingma & Ba 2015) with the bias correction folded into the step size."""

    def __init__(self, params, grads, lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0,
                 decay_mask=None):
        super().__init__(params, grads, lr)
        self.beta1, self.beta2 = float(betas[0]), float(betas[1])
        self.eps, self.weight_decay, self.decay_mask = float(eps), float(weight_decay), decay_mask
        self.m = np.zeros_like(params)
        self.v = np.zeros_like(params)
        self.t = 0
        self._views = self._blocks(params, grads, self.m, self.v, decay_mask)

    def step(self):
        self.t += 1
        b1, b2, wd = self.beta1, self.beta2, self.weight_decay
        # Python floats (math.sqrt, not np.sqrt) keep every pass in float32; see SGD.step.
        root = math.sqrt(1.0 - b2 ** self.t)
        step_size = float(self.lr) * root / (1.0 - b1 ** self.t)
        eps_hat = self.eps * root

        def update_block(views, tmp, decay_buffer):
            p, g, m, v, mask = views
            if wd:  # L2: the decay term joins the gradient
                decayed = self._weight_decay(p, mask, wd, decay_buffer)
                decayed += g
                g = decayed
            # m = b1·m + (1 − b1)·g  and  v = b2·v + (1 − b2)·g²
            if b1 == 0.0:  # m is just g: read g itself, two passes fewer
                m = g
            elif b1 == 0.5:  # the GAN default: (m + g)·½ is exactly ½·m + ½·g, one pass fewer
                m += g
                m *= 0.5
            else:
                m *= b1
                np.multiply(g, 1.0 - b1, out=tmp)
                m += tmp
            v *= b2
            np.multiply(g, g, out=tmp)
            tmp *= 1.0 - b2
            v += tmp
            np.sqrt(v, out=tmp)
            tmp += eps_hat
            np.divide(m, tmp, out=tmp)
            tmp *= step_size
            p -= tmp

        self._in_parts(update_block)

    def state_dict(self):
        # With β₁ = 0 the stored m is never read (each step uses g alone), so it stays zero.
        return {"m": self.m.copy(), "v": self.v.copy(), "t": self.t, "lr": self.lr}

    def load_state_dict(self, state):
        self.m[...] = state["m"]
        self.v[...] = state["v"]
        self.t, self.lr = int(state["t"]), float(state["lr"])
