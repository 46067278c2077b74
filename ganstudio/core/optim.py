"""Optimizers over a flat parameter buffer (see `Network`).

Each works on a 1-D parameter view and its gradient view, so a whole network is updated by a
few whole-array NumPy operations into preallocated buffers, whatever its number of layers.
"""

from __future__ import annotations

import numpy as np


class Optimizer:
    def __init__(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        if params.ndim != 1 or params.shape != grads.shape:
            raise ValueError("an optimizer works on matching 1-D parameter and gradient views")
        self.params, self.grads, self.lr = params, grads, float(lr)
        self._tmp = np.empty_like(params)

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
        self._decay = np.empty_like(params) if self.weight_decay else None

    def step(self):
        update = np.multiply(self.grads, self.lr, out=self._tmp)
        if self.weight_decay:
            np.multiply(self.params, self.lr * self.weight_decay, out=self._decay)
            if self.decay_mask is not None:
                self._decay *= self.decay_mask
            update += self._decay
        if self.momentum:
            self.velocity *= self.momentum
            self.velocity += update
            update = self.velocity
        self.params -= update

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

    def step(self):
        self.t += 1
        g, tmp = self.grads, self._tmp
        if self.weight_decay:
            np.multiply(self.params, self.weight_decay, out=tmp)
            if self.decay_mask is not None:
                tmp *= self.decay_mask
            g = g + tmp
        b1, b2 = self.beta1, self.beta2
        # m = b1·m + (1 − b1)·g  and  v = b2·v + (1 − b2)·g²
        self.m *= b1
        np.multiply(g, 1.0 - b1, out=tmp)
        self.m += tmp
        self.v *= b2
        np.multiply(g, g, out=tmp)
        tmp *= 1.0 - b2
        self.v += tmp
        correction1 = 1.0 - b1 ** self.t
        step_size = self.lr * np.sqrt(1.0 - b2 ** self.t) / correction1
        eps_hat = self.eps * np.sqrt(1.0 - b2 ** self.t)
        np.sqrt(self.v, out=tmp)
        tmp += eps_hat
        np.divide(self.m, tmp, out=tmp)
        tmp *= step_size
        self.params -= tmp

    def state_dict(self):
        return {"m": self.m.copy(), "v": self.v.copy(), "t": self.t, "lr": self.lr}

    def load_state_dict(self, state):
        self.m[...] = state["m"]
        self.v[...] = state["v"]
        self.t, self.lr = int(state["t"]), float(state["lr"])
