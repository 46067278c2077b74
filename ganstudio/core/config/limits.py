"""What a setting may be: its choices, its range, the sizes a network may have. Plain data;
settings.py checks a configuration against it. The bounds keep every allocation a configuration
causes small."""

from __future__ import annotations

import math
from dataclasses import dataclass

INITS = ("toolbox", "glorot", "he", "normal", "uniform005", "uniform0005")

CHOICES = {
    "algorithm": ("classic", "minibatch"),
    "clusters_from": ("pixels", "labels"),
    "pixel_range": ("01", "pm1", "minmax01"),
    "noise": ("normal", "uniform", "normal_minmax01", "uniform_sqrt3"),
    "g_activation": ("sigmoid", "tanh", "relu", "leaky_relu"),
    "g_output": ("sigmoid", "tanh"),
    "d_activation": ("sigmoid", "tanh", "relu", "leaky_relu", "maxout"),
    "init": INITS,
    "d_init": ("",) + INITS,  # "" = the same as init
    "loss": ("bce", "mse", "lsgan"),
    "g_loss": ("non_saturating", "saturating"),
    "optimizer": ("sgd", "adam"),
    "stop_rule": ("none", "original", "equilibrium"),
    "dtype": ("float32", "float64"),
}


# Upper bounds keep every allocation a configuration causes within a few hundred MB: a typo
# such as batch_size=1000000 or a damaged checkpoint's g_hidden=[100000, 100000] gets a
# ConfigError, not an attempt at 10 GB. The presets stay far inside them (goodfellow2014's G,
# the largest network, has 2.5 M parameters).
MAX_ITERATIONS = 10 ** 12
MAX_WIDTH = 4096            # units in one hidden layer
MAX_HIDDEN_LAYERS = 8
MAX_PARAMETERS = 10_000_000  # per network (weights and biases)
MAX_BATCH = 4096
IMAGE_PIXELS = 28 * 28
DIGIT_CLASSES = 10   # the labels a conditional GAN is told (clusters_from="labels")


def parse_count(text: str, limit: int) -> int | None:
    """A count written as ASCII decimal digits, from 0 to `limit`; None for anything else
    (str.isdigit alone accepts "²", which int() refuses, and 400 digits, which no run reaches)."""
    if not (isinstance(text, str) and text.isascii() and text.isdigit()) or len(text) > len(str(limit)):
        return None
    value = int(text)
    return value if value <= limit else None


def is_iteration(value) -> bool:
    """Whether a stored iteration count is one a run can have reached (and int64 can hold)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_ITERATIONS


@dataclass(frozen=True)
class Interval:
    """A closed or half-open range of numbers, e.g. [0, 1) or (0.5, 1]."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def __contains__(self, value) -> bool:
        above = value > self.low if self.low_open else value >= self.low
        below = value < self.high if self.high_open else value <= self.high
        return bool(above and below)

    def __str__(self) -> str:
        return f"{'(' if self.low_open else '['}{self.low:g}, {self.high:g}{')' if self.high_open else ']'}"


UNIT = Interval(0.0, 1.0, high_open=True)   # [0, 1): dropouts, momentum, betas, EMA
# Any finite positive rate: a rate that makes training diverge is caught, with the last good
# state restored, by the loop; it allocates nothing.
LEARNING_RATE = Interval(0.0, math.inf, low_open=True, high_open=True)
FLOAT_RANGES = {
    "d_dropout": UNIT, "d_input_dropout": UNIT, "leaky_slope": UNIT, "d_augment_target": UNIT,
    "d_real_label": Interval(0.5, 1.0, low_open=True),
    "lr_d": LEARNING_RATE, "lr_g": LEARNING_RATE,
    "beta1": UNIT, "beta2": UNIT, "momentum": UNIT, "momentum_final": UNIT,
    "lr_decay": Interval(1.0, 2.0),   # a divisor per iteration: 1 = off, below 1 would grow
    "lr_min": Interval(0.0, math.inf, high_open=True),
    "weight_decay": UNIT, "g_ema": UNIT,
    "stop_tolerance": Interval(0.0, 0.5),
}
INT_RANGES = {  # inclusive
    "noise_dim": (1, 1000),
    "clusters": (0, 100),
    "d_maxout_pieces": (1, 16),
    "momentum_ramp": (0, MAX_ITERATIONS),
    "g_ema_warmup": (0, MAX_ITERATIONS),
    "batch_size": (1, MAX_BATCH),
    "real_per_iter": (1, 10_000),
    "fake_per_iter": (1, 10_000),
    "iterations": (0, MAX_ITERATIONS),
    "equilibrium_window": (1, 1000),   # the history keeps at least 2000 recent points whole
    "seed": (0, 2 ** 63 - 1),
    "sample_count": (1, 1000),
}
TEXT_LENGTHS = {"name": 100, "description": 2000}
