"""What every GAN algorithm offers the training loop: named stages, statistics, state."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ganstudio.core.config.settings import GANConfig
from ganstudio.core.engine.losses import LOSSES, Loss, SaturatingGeneratorLoss
from ganstudio.core.engine.network import Network
from ganstudio.core.engine.optimizers import SGD, Adam, Optimizer


@dataclass
class IterationStats:
    d_real: float = float("nan")  # mean D output on the real images of this iteration
    d_fake: float = float("nan")  # mean D output on the fakes
    rounded_mean: float = float("nan")  # the original stopping rule's mean of rounded outputs
    d_loss: float = float("nan")
    g_loss: float = float("nan")
    d_real_outputs: np.ndarray | None = None
    d_fake_outputs: np.ndarray | None = None


def make_optimizer(config: GANConfig, which: str, params: np.ndarray, grads: np.ndarray,
                   decay_mask: np.ndarray) -> Optimizer:
    lr = config.lr_d if which == "d" else config.lr_g
    if config.optimizer == "adam":
        return Adam(params, grads, lr, (config.beta1, config.beta2),
                    weight_decay=config.weight_decay, decay_mask=decay_mask)
    return SGD(params, grads, lr, config.momentum, config.weight_decay, decay_mask)


def discriminator_loss(config: GANConfig) -> Loss:
    return LOSSES[config.loss]()


def generator_loss(config: GANConfig) -> Loss:
    if config.g_loss == "saturating" and config.loss == "bce":
        return SaturatingGeneratorLoss()
    return LOSSES[config.loss]()


def train_on_batch(net: Network, loss: Loss, optimizer: Optimizer, x: np.ndarray, target) -> float:
    """One forward, backward and update of `net` alone (the input gradient is not needed)."""
    probs = net.forward(x, training=True)
    value = loss.forward(net.logits if loss.on_logits else probs, target)
    net.backward(loss.backward(), input_grad=False, skip_last=loss.on_logits)
    optimizer.step()
    return value


class GANAlgorithm:
    """Base for the algorithms. An iteration is the STAGES run in order."""

    STAGES: dict = {}   # stage name -> the method that runs it, in the iteration's order
    stage_names: tuple[str, ...] = ()

    def __init__(self, config: GANConfig, data: np.ndarray | None, rng: np.random.Generator) -> None:
        self.config, self.data, self.rng = config, data, rng
        self.stats = IterationStats()

    # -- the parts the session uses
    def run_stage(self, name: str) -> None:
        self.STAGES[name](self)

    def generate(self, noise: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    @property
    def optimizers(self) -> dict[str, Optimizer]:
        raise NotImplementedError

    @property
    def networks(self) -> dict[str, Network]:
        raise NotImplementedError

    # -- what a step-through looks at (core/training/stage_report.py); never called by the loop itself
    @property
    def stage_copies(self) -> dict[str, tuple[tuple[str, str], int]]:
        """Stages that copy weights: stage -> ((from, to), how many numbers)."""
        return {}

    def probe_batch(self) -> tuple[np.ndarray | None, np.ndarray | None]:
        """The reals and fakes of this iteration so far, as G's output rows (views)."""
        raise NotImplementedError

    def probe_discriminator(self) -> tuple[np.ndarray, np.ndarray]:
        """D's outputs (inference) on this iteration's reals and fakes, fresh arrays."""
        raise NotImplementedError

    def probe_generator(self) -> tuple[np.ndarray, np.ndarray]:
        """G's images (rows) for this iteration's fake noise and D's outputs on them, as G's
        step sees D (inference; fresh arrays)."""
        raise NotImplementedError

    def apply_schedules(self, iteration: int) -> None:
        """Learning-rate decay and momentum ramp, after each completed iteration."""
        c = self.config
        if c.lr_decay != 1.0:
            for opt in self.optimizers.values():
                opt.lr = max(opt.lr / c.lr_decay, c.lr_min)
        if c.momentum_ramp and c.optimizer == "sgd":
            frac = min(1.0, iteration / c.momentum_ramp)
            for opt in self.optimizers.values():
                opt.momentum = c.momentum + (c.momentum_final - c.momentum) * frac

    def state_dict(self) -> dict:
        state = {f"net.{name}": net.flat_params.copy() for name, net in self.networks.items()}
        for name, opt in self.optimizers.items():
            for key, value in opt.state_dict().items():
                state[f"opt.{name}.{key}"] = value
        return state

    def load_state_dict(self, state: dict) -> None:
        for name, net in self.networks.items():
            net.flat_params[...] = state[f"net.{name}"]
        for name, opt in self.optimizers.items():
            prefix = f"opt.{name}."
            opt.load_state_dict({k[len(prefix):]: v for k, v in state.items() if k.startswith(prefix)})

    # What one iteration carries from stage to stage (the batch, the fakes, the statistics so
    # far), saved with a checkpoint taken between stages so that it resumes exactly.
    STAT_KEYS = ("d_real", "d_fake", "rounded_mean", "d_loss", "g_loss")

    def scratch_state(self) -> dict:
        return {f"stat.{key}": getattr(self.stats, key) for key in self.STAT_KEYS}

    def load_scratch_state(self, state: dict) -> None:
        for key in self.STAT_KEYS:
            setattr(self.stats, key, float(state[f"stat.{key}"]))
