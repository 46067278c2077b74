"""The engine's benchmark steps written in PyTorch (CPU), for side-by-side ratios.

PyTorch is not a dependency of GAN Studio: this module is imported only by
benchmarks/bench_engine.py, and only when `import torch` works. Each class does the same work
as one engine step of the same preset — same layer sizes, batch sizes, losses, optimizer
rules and per-step statistics — written the way a PyTorch user would write it (nn.Linear,
autograd, torch.optim), so the ratio compares the engine with ordinary idiomatic PyTorch.
The optimizers use torch's fused CPU kernels where this torch has them: the fastest update
PyTorch offers, so the ratio is not flattered by a slow baseline.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn


def _optimizer(cls, params, **options) -> torch.optim.Optimizer:
    try:
        return cls(params, fused=True, **options)
    except (TypeError, RuntimeError, ValueError):  # an older torch without fused CPU kernels
        return cls(params, **options)


def _weights_and_biases(*modules: nn.Module) -> list[dict]:
    """SGD parameter groups with L2 on weights only, like the toolbox (and the engine)."""
    params = [p for m in modules for p in m.parameters()]
    return [{"params": [p for p in params if p.ndim > 1]},
            {"params": [p for p in params if p.ndim == 1], "weight_decay": 0.0}]


class TorchClassic:
    """One iteration of the classic algorithm (see ganstudio/core/gan/classic.py): fakes for 1000
    pool rows, 1000 reals, D for one epoch over the 2000 in batches of 100, D copied into the
    stack, G for one epoch over the 1000 noise rows through the frozen copy, D on the 2000."""

    def __init__(self, config, data: np.ndarray, noise_pool: np.ndarray, seed: int = 0) -> None:
        torch.manual_seed(seed)
        self.c = c = config
        self.data = torch.from_numpy(data)
        self.pool = torch.from_numpy(noise_pool)
        width = c.d_hidden[0]
        self.first_network = nn.Linear(c.noise_dim, 784)
        self.g = nn.Linear(c.noise_dim, 784)
        self.d = nn.Sequential(nn.Linear(784, width), nn.Linear(width, 1))
        self.d_copy = nn.Sequential(nn.Linear(784, width), nn.Linear(width, 1))
        for p in self.d_copy.parameters():
            p.requires_grad_(False)  # frozen inside the stack
        self.opt_d = _optimizer(torch.optim.SGD, _weights_and_biases(self.d), lr=c.lr_d,
                                momentum=c.momentum, weight_decay=c.weight_decay)
        self.opt_g = _optimizer(torch.optim.SGD, _weights_and_biases(self.g), lr=c.lr_g,
                                momentum=c.momentum, weight_decay=c.weight_decay)
        self.p = c.d_dropout

    def _dropout(self, h: torch.Tensor) -> torch.Tensor:
        # The toolbox's non-inverted dropout: plain masking while training.
        return h * (torch.rand_like(h) >= self.p)

    def _d_forward(self, d: nn.Sequential, x: torch.Tensor, training: bool) -> torch.Tensor:
        h = torch.sigmoid(d[0](x))
        h = self._dropout(h) if training else h * (1.0 - self.p)
        return torch.sigmoid(d[1](h))

    def _epoch(self, forward, opt, x: torch.Tensor, y: torch.Tensor) -> float:
        order = torch.randperm(len(x))
        bs, losses = self.c.batch_size, []
        for i in range(0, len(x) - bs + 1, bs):
            rows = order[i:i + bs]
            out = forward(x[rows])
            loss = 0.5 * ((out - y[rows]) ** 2).sum() / bs  # the toolbox's squared error
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            losses.append(loss.item())
        return float(np.mean(losses))

    def step(self) -> None:
        c = self.c
        with torch.no_grad():
            self.first_network.load_state_dict(self.g.state_dict())
            noise_rows = torch.randperm(len(self.pool))[:c.fake_per_iter]
            fakes = torch.sigmoid(self.first_network(self.pool[noise_rows]))
            reals = self.data[torch.randperm(len(self.data))[:c.real_per_iter]]
            x = torch.cat([reals, fakes])
            y = torch.cat([torch.ones(len(reals), 1), torch.zeros(len(fakes), 1)])
        self.d_loss = self._epoch(lambda b: self._d_forward(self.d, b, True), self.opt_d, x, y)
        with torch.no_grad():
            self.d_copy.load_state_dict(self.d.state_dict())
        z = self.pool[noise_rows]
        self.g_loss = self._epoch(
            lambda b: self._d_forward(self.d_copy, self._dropout(torch.sigmoid(self.g(b))), True),
            self.opt_g, z, torch.ones(len(z), 1))
        with torch.no_grad():
            out = self._d_forward(self.d, x, False)[:, 0]
            n = len(reals)
            self.stats = (out[:n].mean().item(), out[n:].mean().item(), out.round().mean().item())


def _mlp(sizes, hidden_act, out_act=None) -> nn.Sequential:
    layers = []
    for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
        layers.append(nn.Linear(n_in, n_out))
        nn.init.normal_(layers[-1].weight, 0.0, 0.02)
        nn.init.zeros_(layers[-1].bias)
        if i < len(sizes) - 2:
            layers.append(hidden_act())
    if out_act is not None:
        layers.append(out_act())
    return nn.Sequential(*layers)


class TorchMinibatch:
    """One iteration of the minibatch algorithm (see ganstudio/core/gan/minibatch.py) for the
    `mlp` preset: one D step on bs reals + bs fakes in one pass, one G step through D with
    D's parameters frozen, Adam, BCE on logits, the same per-step statistics."""

    def __init__(self, config, data: np.ndarray, seed: int = 0) -> None:
        torch.manual_seed(seed)
        self.c = c = config
        leaky = lambda: nn.LeakyReLU(c.leaky_slope)  # noqa: E731
        self.g = _mlp((c.noise_dim, *c.g_hidden, 784), leaky, nn.Tanh)
        self.d = _mlp((784, *c.d_hidden, 1), leaky)  # logits; the loss applies the sigmoid
        self.opt_g = _optimizer(torch.optim.Adam, self.g.parameters(), lr=c.lr_g, betas=(c.beta1, c.beta2))
        self.opt_d = _optimizer(torch.optim.Adam, self.d.parameters(), lr=c.lr_d, betas=(c.beta1, c.beta2))
        self.loss = nn.BCEWithLogitsLoss()
        self.data = torch.from_numpy(data)
        bs = c.batch_size
        self.batch = torch.empty(2 * bs, 784)
        self.d_target = torch.cat([torch.ones(bs, 1), torch.zeros(bs, 1)])
        self.g_target = torch.ones(bs, 1)
        self.order, self.cursor = torch.arange(0), 0

    def step(self) -> None:
        bs = self.c.batch_size
        with torch.no_grad():
            self.batch[bs:] = self.g(torch.randn(bs, self.c.noise_dim))
            if self.cursor + bs > len(self.order):
                self.order, self.cursor = torch.randperm(len(self.data)), 0
            torch.index_select(self.data, 0, self.order[self.cursor:self.cursor + bs],
                               out=self.batch[:bs])
            self.cursor += bs
        logits = self.d(self.batch)
        d_loss = self.loss(logits, self.d_target)
        with torch.no_grad():
            out = torch.sigmoid(logits[:, 0])
            self.stats = (out[:bs].mean().item(), out[bs:].mean().item(), out.round().mean().item())
        self.opt_d.zero_grad(set_to_none=True)
        d_loss.backward()
        self.opt_d.step()
        self.d_loss = d_loss.item()

        self.d.requires_grad_(False)  # gradients flow through D, D's are not computed
        g_loss = self.loss(self.d(self.g(torch.randn(bs, self.c.noise_dim))), self.g_target)
        self.opt_g.zero_grad(set_to_none=True)
        g_loss.backward()
        self.opt_g.step()
        self.d.requires_grad_(True)
        self.g_loss = g_loss.item()
