"""What a setting may be: its type, its range or choices, the combinations that work, and the
sizes of the networks a configuration builds. `validate` is the one check for the command line,
the window and checkpoints; its bounds keep every allocation a configuration causes small."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ganstudio.core.errors import ConfigError

if TYPE_CHECKING:
    from ganstudio.core.config.settings import GANConfig

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
    "batch_size": (1, MAX_BATCH),
    "real_per_iter": (1, 10_000),
    "fake_per_iter": (1, 10_000),
    "iterations": (0, MAX_ITERATIONS),
    "equilibrium_window": (1, 1000),   # the history keeps at least 2000 recent points whole
    "seed": (0, 2 ** 63 - 1),
    "sample_count": (1, 1000),
}
TEXT_LENGTHS = {"name": 100, "description": 2000}


def validate(config: GANConfig) -> None:
    """Every setting's type and range, then the combinations that cannot work; a ConfigError
    with one line otherwise. The one check for the CLI, the window and checkpoints."""
    for f in dataclasses.fields(config):
        _check_type(config, f.name, f.default)
    for key, allowed in CHOICES.items():
        if getattr(config, key) not in allowed:
            raise ConfigError(f"{key} must be one of {', '.join(allowed)}, not {getattr(config, key)!r}")
    for key, interval in FLOAT_RANGES.items():
        if getattr(config, key) not in interval:
            raise ConfigError(f"{key} must be in {interval}, not {getattr(config, key)!r}")
    for key, (low, high) in INT_RANGES.items():
        if not low <= getattr(config, key) <= high:
            raise ConfigError(f"{key} must be an integer from {low:,} to {high:,}, not {getattr(config, key)!r}")
    for key, limit in TEXT_LENGTHS.items():
        if len(getattr(config, key)) > limit:
            raise ConfigError(f"{key} is longer than {limit} characters")
    for key in ("g_hidden", "d_hidden"):
        widths = getattr(config, key)
        if len(widths) > MAX_HIDDEN_LAYERS or not all(1 <= w <= MAX_WIDTH for w in widths):
            raise ConfigError(f"{key} must be at most {MAX_HIDDEN_LAYERS} layer widths, each from 1 to "
                              f"{MAX_WIDTH:,}, not {_text(widths)}")
    _check_combinations(config)
    for which, shapes in (("generator", generator_shapes(config)),
                          ("discriminator", discriminator_shapes(config))):
        count = parameter_count(shapes)
        if count > MAX_PARAMETERS:
            raise ConfigError(f"the {which} would have {count:,} parameters; the limit is "
                              f"{MAX_PARAMETERS:,} (make g_hidden / d_hidden narrower)")


def _check_type(config: GANConfig, key: str, default) -> None:
    value = getattr(config, key)
    if isinstance(default, bool):
        ok, kind = isinstance(value, bool), "true or false"
    elif isinstance(default, int):
        ok, kind = isinstance(value, int) and not isinstance(value, bool), "an integer"
    elif isinstance(default, float):
        ok, kind = isinstance(value, (int, float)) and not isinstance(value, bool), "a number"
        ok = ok and math.isfinite(value)
        if ok and isinstance(value, int):
            object.__setattr__(config, key, float(value))   # 1 and 1.0 are the same setting
    elif isinstance(default, tuple):
        ok = isinstance(value, tuple) and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        kind = "comma-separated integers"
    else:
        ok, kind = isinstance(value, str), "text"
    if not ok:
        raise ConfigError(f"{key} must be {kind}, not {_text(value)}")


def _check_combinations(config: GANConfig) -> None:
    if config.clusters == 1:
        raise ConfigError("clusters must be 0 (off) or from 2 to 100")
    if config.clusters and config.algorithm == "classic":
        raise ConfigError("clusters work with the minibatch algorithm only, not the classic one")
    if config.clusters_from == "labels" and config.clusters != DIGIT_CLASSES:
        raise ConfigError(f"clusters_from labels makes one cluster per digit: it needs "
                          f"clusters={DIGIT_CLASSES}, not {config.clusters}")
    if (config.g_output == "tanh") != (config.pixel_range == "pm1"):
        raise ConfigError("g_output tanh goes with pixel_range pm1, and sigmoid with 01 or minmax01: "
                          "the generator must draw in the range the real images are in")
    if config.d_augment_target and config.algorithm == "classic":
        raise ConfigError("d_augment_target works with the minibatch algorithm only")
    if config.algorithm == "classic" and config.batch_size > config.fake_per_iter:
        # G's epoch runs over the fake_per_iter noise rows in whole batches.
        raise ConfigError(f"the classic algorithm needs batch_size ({config.batch_size:,}) at most "
                          f"fake_per_iter ({config.fake_per_iter:,})")


def _text(value) -> str:
    if isinstance(value, tuple):
        return ",".join(map(str, value)) or "(none)"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_dataset_size(config: GANConfig, count: int) -> None:
    """A ConfigError unless `count` training images are enough for one iteration: a whole batch
    (minibatch), or the real images and noise rows the classic algorithm draws without
    replacement (its noise pool has one row per image)."""
    if count == 0:
        raise ConfigError("the dataset has no images")
    if config.algorithm == "classic":
        needed, why = max(config.real_per_iter, config.fake_per_iter), "real_per_iter and fake_per_iter"
    else:
        needed, why = config.batch_size, "batch_size"
    if count < needed:
        raise ConfigError(f"the dataset has {count:,} images but one iteration needs {needed:,} "
                          f"({why}): use more images or a smaller {why}")


def generator_shapes(config: GANConfig) -> list[tuple[int, int]]:
    """(inputs, outputs) of each of G's dense layers: the noise (and a one-hot cluster) in,
    the hidden widths, 784 pixels out."""
    widths = [config.noise_dim + config.clusters, *config.g_hidden, IMAGE_PIXELS]
    return list(zip(widths[:-1], widths[1:]))


def discriminator_shapes(config: GANConfig) -> list[tuple[int, int]]:
    """(inputs, outputs) of each of D's dense layers: the image (and a one-hot cluster) in,
    one logit out. A maxout layer's dense part has `d_maxout_pieces` outputs per unit."""
    pieces = config.d_maxout_pieces if config.d_activation == "maxout" else 1
    shapes, width = [], IMAGE_PIXELS + config.clusters
    for hidden in config.d_hidden:
        shapes.append((width, hidden * pieces))
        width = hidden
    return shapes + [(width, 1)]


def parameter_count(shapes: list[tuple[int, int]]) -> int:
    """Weights and biases of dense layers of these shapes."""
    return sum(n_in * n_out + n_out for n_in, n_out in shapes)
