"""Training configuration as plain data, and the named presets.

A preset is a `GANConfig`: listable, overridable key by key (`with_overrides`), and saved as
JSON inside every checkpoint so a run can always be reproduced.
"""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass

from ganstudio.core.errors import ConfigError
from ganstudio.core.translatable import QT_TRANSLATE_NOOP

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


@dataclass(frozen=True)
class GANConfig:
    name: str = "custom"
    description: str = ""
    algorithm: str = "minibatch"  # "classic": the 2014 MATLAB-toolbox loop; "minibatch": modern
    # --- data and noise
    pixel_range: str = "01"  # "01": /255; "pm1": [-1, 1]; "minmax01": per-image min-max
    noise_dim: int = 100
    noise: str = "normal"
    # Tell G and D which of this many k-means clusters of the training images an image is from
    # (0 = off; found once at start, no labels used; see core/clusters.py). G draws its cluster
    # from one extra uniform column of the noise, in proportion to the clusters' sizes.
    clusters: int = 0
    # "labels": the clusters are the digits themselves, from the dataset's labels — G and D are
    # told which digit an image is (a conditional GAN, Mirza & Osindero 2014), so G can be
    # asked for a 7. Needs clusters=10 and a dataset with labels.
    clusters_from: str = "pixels"
    # --- generator: noise_dim -> g_hidden... -> 784
    g_hidden: tuple[int, ...] = (256, 512, 1024)
    g_activation: str = "leaky_relu"
    g_output: str = "tanh"
    # --- discriminator: 784 -> d_hidden... -> 1 (sigmoid)
    d_hidden: tuple[int, ...] = (512, 256)
    d_activation: str = "leaky_relu"
    d_maxout_pieces: int = 5
    d_dropout: float = 0.0
    d_input_dropout: float = 0.0
    leaky_slope: float = 0.2
    init: str = "normal"
    d_init: str = ""  # the discriminator's own initialisation; "" = the same as `init`
    # Start G's output bias at the data's mean pixel (pylearn2's init_sigmoid_bias_from_marginals)
    g_bias_from_data: bool = False
    # --- objective
    loss: str = "bce"
    g_loss: str = "non_saturating"
    # Adaptive augmentation (core/augment.py; 0 = off): while mean(sign(D's logit on reals))
    # is above this, D sees more of its images shifted by up to 2 pixels, so that it cannot
    # memorise a small training set. ADA (Karras et al. 2020) uses 0.6; with soft real labels
    # and a small D the signal stays lower, and 0.3 catches the memorising (docs/quality.md).
    d_augment_target: float = 0.0
    # D's target for real images; below 1 is one-sided label smoothing (Salimans et al. 2016):
    # D is never pushed to certainty on reals, so its gradients to G stay informative.
    d_real_label: float = 1.0
    # --- optimisation
    optimizer: str = "adam"
    lr_d: float = 2e-4
    lr_g: float = 2e-4
    beta1: float = 0.5
    beta2: float = 0.999
    momentum: float = 0.5
    momentum_final: float = 0.5
    momentum_ramp: int = 0  # iterations over which momentum moves linearly to momentum_final
    lr_decay: float = 1.0  # both learning rates are divided by this after every iteration
    lr_min: float = 0.0
    weight_decay: float = 0.0
    # G's step reuses the noise and fakes of D's step (as PyTorch's DCGAN example does) instead
    # of drawing a fresh batch (Goodfellow et al.'s Algorithm 1): one pass through G fewer.
    g_reuses_fakes: bool = False
    # Draw images from an exponential moving average of G's weights (0 = off): the average
    # smooths out the step-to-step jitter that shows up as speckle (Yazıcı et al. 2019).
    g_ema: float = 0.0
    batch_size: int = 64
    # --- the classic algorithm only
    real_per_iter: int = 1000
    fake_per_iter: int = 1000
    freeze_d_in_g: bool = True  # False: "as original", G's copy of D is trained, then overwritten
    # --- running
    iterations: int = 1500
    stop_rule: str = "none"
    stop_tolerance: float = 0.05
    equilibrium_window: int = 20
    seed: int = 0
    sample_count: int = 100
    dtype: str = "float32"

    def __post_init__(self) -> None:
        validate(self)

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> GANConfig:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise ConfigError(f"the configuration is not valid JSON ({exc})") from None
        if not isinstance(data, dict):
            raise ConfigError("the configuration is not a JSON object of settings")
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ConfigError(f"unknown configuration keys: {', '.join(sorted(unknown))}")
        for f in dataclasses.fields(cls):
            if isinstance(f.default, tuple) and isinstance(data.get(f.name), list):
                data[f.name] = tuple(data[f.name])
        return cls(**data)


def config_keys() -> list[str]:
    return [f.name for f in dataclasses.fields(GANConfig) if f.name not in ("name", "description")]


def _check_key(key: str) -> None:
    if key not in {f.name for f in dataclasses.fields(GANConfig)}:
        raise ConfigError(f"unknown setting {key!r}; known settings: {', '.join(config_keys())}")


def parse_value(config: GANConfig, key: str, text: str):
    """Turn the text of `key=text` into a value of the key's type."""
    _check_key(key)
    current = getattr(config, key)
    try:
        if isinstance(current, bool):
            lowered = text.strip().lower()
            if lowered not in ("true", "false", "1", "0", "yes", "no"):
                raise ValueError
            return lowered in ("true", "1", "yes")
        if isinstance(current, tuple):
            parts = [p for p in text.replace(" ", "").split(",") if p]
            return tuple(int(p) for p in parts)
        if isinstance(current, int):
            return int(text)
        if isinstance(current, float):
            return float(text)
        return text.strip()
    except ValueError:
        kind = type(current).__name__ if not isinstance(current, tuple) else "comma-separated integers"
        raise ConfigError(f"setting {key!r} needs {kind}, got {text!r}") from None


def with_overrides(config: GANConfig, overrides: dict) -> GANConfig:
    """A copy of `config` with some keys changed; values may be typed or text (from the CLI)."""
    values = {}
    for key, value in overrides.items():
        _check_key(key)
        values[key] = parse_value(config, key, value) if isinstance(value, str) else value
    try:
        return dataclasses.replace(config, **values)
    except TypeError as exc:
        raise ConfigError(str(exc)) from None


PRESETS: dict[str, GANConfig] = {
    "fast": GANConfig(
        name="fast",
        description=("Tuned for the stage: recognizable digits of every class within seconds on a "
                     "laptop CPU (small networks; G and D see 20 k-means clusters of the training "
                     "digits; clusters=0 for the plain GAN)."),
        # Measured in the 15 s race (docs/quality.md): small networks take ~4x the steps of
        # wider ones at no loss of quality per step, a slower D and soft real labels keep its
        # gradients useful, a long EMA removes the speckle, and 20 clusters of the training
        # images (no labels) let G draw each kind of digit apart instead of blends between them.
        g_hidden=(64, 128), d_hidden=(128,), noise_dim=10, batch_size=32, leaky_slope=0.1,
        lr_d=1.5e-3, lr_g=2e-3, beta1=0.0, d_real_label=0.9, g_ema=0.999, iterations=20000,
        pixel_range="pm1", g_reuses_fakes=True, clusters=20, d_augment_target=0.3,
    ),
    "seed": GANConfig(
        name="seed",
        description="The classic 2014 MATLAB-toolbox GAN, faithfully: G 100-784, D 784-100-1, sigmoid, SGD, 1000+1000 per iteration.",
        algorithm="classic", pixel_range="01", noise="normal_minmax01", noise_dim=100,
        g_hidden=(), g_activation="sigmoid", g_output="sigmoid",
        d_hidden=(100,), d_activation="sigmoid", d_dropout=0.5, init="toolbox",
        loss="mse", g_loss="non_saturating", optimizer="sgd", lr_d=0.01, lr_g=0.01,
        momentum=0.5, momentum_final=0.5, weight_decay=1e-4, batch_size=100,
        iterations=1500, stop_rule="none",
    ),
    "mlp": GANConfig(
        name="mlp",
        description="The common modern MLP GAN: LeakyReLU, tanh, Adam 2e-4, batch 64, non-saturating loss.",
        g_hidden=(256, 512, 1024), d_hidden=(512, 256), pixel_range="pm1", init="normal",
        optimizer="adam", lr_d=2e-4, lr_g=2e-4, beta1=0.5, beta2=0.999, batch_size=64,
        iterations=30000,
    ),
    "goodfellow2014": GANConfig(
        name="goodfellow2014",
        description="Goodfellow et al. 2014's MNIST model: ReLU 1200x2 generator, maxout discriminator with dropout, SGD with momentum.",
        noise="uniform_sqrt3", noise_dim=100, g_hidden=(1200, 1200), g_activation="relu",
        g_output="sigmoid", pixel_range="01", d_hidden=(240, 240), d_activation="maxout",
        d_maxout_pieces=5, d_dropout=0.5, d_input_dropout=0.2, init="uniform005",
        d_init="uniform0005", g_bias_from_data=True,
        # Momentum 0.5 -> 0.7 over epochs 1..250 of 500 updates (their mnist.yaml).
        optimizer="sgd", lr_d=0.1, lr_g=0.1, momentum=0.5, momentum_final=0.7,
        momentum_ramp=124_500, lr_decay=1.000004, lr_min=1e-6, batch_size=100, iterations=30000,
    ),
    "conditional": GANConfig(
        name="conditional",
        description=("Asks G for a digit: G and D are both told the label of each image (one-hot, "
                     "beside the noise and beside the pixels), so G learns to draw the digit it is "
                     "asked for (ganstudio sample --digit 7; the digit picker in the window)."),
        # The fast preset with the digits' labels in place of its k-means clusters: the same
        # one-hot code, fed to G and D in the same place (docs/quality.md has the judge's numbers).
        g_hidden=(64, 128), d_hidden=(128,), noise_dim=10, batch_size=32, leaky_slope=0.1,
        lr_d=1.5e-3, lr_g=2e-3, beta1=0.0, d_real_label=0.9, g_ema=0.999, iterations=20000,
        pixel_range="pm1", g_reuses_fakes=True, clusters=10, clusters_from="labels",
        d_augment_target=0.3,
    ),
}

# ----- The ladder: from the 2014 demo to digits of every class, one change at a time.
# Each rung is the rung before with the settings of ONE group changed; the order and the numbers
# were measured on this engine (benchmarks/ladder.py, docs/ladder.md).

LADDER_IMAGES = 400_000   # every rung trains on this many images in D's steps (reals + fakes)
LADDER_SEEDS = (0, 1, 2)  # the measured numbers are means over these seeds

# The groups a rung may change. `iterations` is not among them: each rung runs LADDER_IMAGES
# images, so a rung that changes the images per iteration changes its iteration count too.
LADDER_GROUPS = {
    "loss": ("loss", "g_loss"),
    "g_objective": ("g_loss",),
    "optimizer": ("optimizer", "lr_d", "lr_g", "beta1", "beta2", "momentum", "momentum_final",
                  "weight_decay"),
    "noise": ("noise", "noise_dim"),
    "regularisation": ("d_dropout", "d_input_dropout"),
    "init": ("init", "d_init"),
    "architecture": ("g_hidden", "g_activation", "d_hidden", "d_activation", "leaky_slope"),
    "pixels": ("pixel_range", "g_output"),
    "algorithm": ("algorithm", "batch_size"),
    "labels": ("d_real_label",),
    "ema": ("g_ema",),
    "clusters": ("clusters",),
}
LADDER_GROUP_NAMES = {   # what a rung changes, in words (the window translates them)
    "loss": QT_TRANSLATE_NOOP("Ladder", "the loss"),
    "g_objective": QT_TRANSLATE_NOOP("Ladder", "G's objective"),
    "optimizer": QT_TRANSLATE_NOOP("Ladder", "the optimizer"),
    "noise": QT_TRANSLATE_NOOP("Ladder", "the noise"),
    "regularisation": QT_TRANSLATE_NOOP("Ladder", "D's dropout"),
    "init": QT_TRANSLATE_NOOP("Ladder", "the initial weights"),
    "architecture": QT_TRANSLATE_NOOP("Ladder", "the networks"),
    "pixels": QT_TRANSLATE_NOOP("Ladder", "the pixel range"),
    "algorithm": QT_TRANSLATE_NOOP("Ladder", "the algorithm"),
    "labels": QT_TRANSLATE_NOOP("Ladder", "D's labels"),
    "ema": QT_TRANSLATE_NOOP("Ladder", "the drawing generator"),
    "clusters": QT_TRANSLATE_NOOP("Ladder", "look-alike groups"),
}


@dataclass(frozen=True)
class Rung:
    """One rung of the ladder: its preset, the group it changes from the rung before (None
    for the first), why that matters (one sentence, marked for translation) and what the judge
    measured after LADDER_IMAGES images: means over LADDER_SEEDS of 1,000 fresh samples."""

    preset: str
    group: str | None
    why: str
    kinds: float        # kinds of digit drawn digit-like, each in at least 1 % of the samples
    covered: float      # classes the judge names at all (noise gets names too)
    kl: float           # KL of the named classes' shares to uniform, nats (one class: 2.30)
    confidence: float   # the judge's mean top-class probability
    unlike: float       # share of samples like no real digit (core/likeness.py)
    frechet: float      # Fréchet distance to held-out digits in the judge's features


def images_per_iteration(config: GANConfig) -> int:
    """Images through D's training steps in one iteration: the classic algorithm's epoch over
    its reals and fakes, or the minibatch algorithm's batch of each."""
    if config.algorithm == "classic":
        return config.real_per_iter + config.fake_per_iter
    return 2 * config.batch_size


def _ladder(start: GANConfig, steps) -> tuple[dict[str, GANConfig], tuple[Rung, ...]]:
    presets, rungs, config = {}, [], start
    for name, group, changes, why, measured in steps:
        config = dataclasses.replace(config, name=name, description=why, **changes)
        config = dataclasses.replace(config, iterations=LADDER_IMAGES // images_per_iteration(config))
        presets[name] = config
        rungs.append(Rung(name, group, why, *measured))
    return presets, tuple(rungs)


_LADDER_PRESETS, LADDER = _ladder(PRESETS["seed"], (
    ("ladder-0-classic", None, {},
     QT_TRANSLATE_NOOP("Ladder", "The 2014 demo as it is: G draws the same speckled blob for every noise vector, "
                                "and the judge finds no digit in it."),
     (0.0, 1.7, 2.28, 0.75, 1.00, 407.0)),
    ("ladder-1-cross-entropy", "loss", {"loss": "bce", "g_loss": "saturating"},
     QT_TRANSLATE_NOOP("Ladder", "Cross-entropy on D's logit instead of squared error on its sigmoid: the blob "
                                "becomes a real-looking digit, but always the same one."),
     (1.0, 1.0, 2.30, 0.86, 0.00, 359.4)),
    ("ladder-2-leaky-d", "architecture", {"d_hidden": (128,), "d_activation": "leaky_relu"},
     QT_TRANSLATE_NOOP("Ladder", "D's hidden layer becomes 128 leaky-ReLU units instead of 100 sigmoids: G's one "
                                "digit looks a little more real."),
     (1.3, 1.3, 2.09, 0.64, 0.00, 340.5)),
    ("ladder-3-adam", "optimizer", {"optimizer": "adam", "lr_d": 2e-4, "lr_g": 2e-4, "beta1": 0.5,
                                    "weight_decay": 0.0},
     QT_TRANSLATE_NOOP("Ladder", "Adam instead of SGD with momentum: on its own it changes little, G still "
                                "draws one kind of digit."),
     (1.0, 1.0, 2.30, 0.93, 0.00, 331.3)),
    ("ladder-4-pixels", "pixels", {"pixel_range": "pm1", "g_output": "tanh"},
     QT_TRANSLATE_NOOP("Ladder", "Pixels in [-1, 1] with a tanh output: alone it even looks worse, yet "
                                "fast's recipe without it draws only two kinds of digit."),
     (1.3, 1.7, 2.27, 0.83, 0.00, 362.8)),
    ("ladder-5-init", "init", {"init": "normal"},
     QT_TRANSLATE_NOOP("Ladder", "Small normal initial weights (spread 0.02) instead of the toolbox's wide uniform "
                                "ones: still one kind here, but fast's recipe without them draws only two."),
     (1.3, 1.3, 2.17, 0.77, 0.00, 380.9)),
    ("ladder-6-rates", "optimizer", {"lr_d": 1.5e-3, "lr_g": 2e-3, "beta1": 0.0},
     QT_TRANSLATE_NOOP("Ladder", "Adam's steps ten times larger and without momentum (beta1 0): still one kind "
                                "here, but fast's recipe without it draws only five."),
     (1.3, 1.3, 2.28, 0.85, 0.00, 366.2)),
    ("ladder-7-noise", "noise", {"noise": "normal"},
     QT_TRANSLATE_NOOP("Ladder", "Plain normal noise instead of each noise row stretched to [0, 1], which made "
                                "every row look alike to G: the collapse breaks and eight kinds of digit appear."),
     (8.0, 10.0, 0.57, 0.75, 0.39, 253.7)),
    ("ladder-8-deeper-g", "architecture", {"g_hidden": (64, 128), "g_activation": "leaky_relu"},
     QT_TRANSLATE_NOOP("Ladder", "G gets two hidden leaky-ReLU layers (64 and 128 units) instead of none: "
                                "every kind of digit, and no drawing unlike a digit."),
     (9.7, 10.0, 0.25, 0.78, 0.00, 109.6)),
    ("ladder-9-minibatch", "algorithm", {"algorithm": "minibatch"},
     QT_TRANSLATE_NOOP("Ladder", "One D step and one G step per batch of 100 instead of an epoch of each over "
                                "1000 + 1000 images: the kinds come out nearly even."),
     (10.0, 10.0, 0.08, 0.82, 0.02, 56.9)),
    ("ladder-10-batch-32", "algorithm", {"batch_size": 32},
     QT_TRANSLATE_NOOP("Ladder", "Batches of 32 instead of 100: three times as many steps from the same images, "
                                "and cleaner digits."),
     (10.0, 10.0, 0.08, 0.83, 0.01, 38.2)),
    ("ladder-11-ema", "ema", {"g_ema": 0.999},
     QT_TRANSLATE_NOOP("Ladder", "Draw from a slow running average of G's weights, which smooths out the "
                                "step-to-step jitter: the closest to real digits of the ladder."),
     (10.0, 10.0, 0.07, 0.88, 0.03, 20.2)),
))
PRESETS.update(_LADDER_PRESETS)


def ladder_rung(name: str) -> Rung | None:
    """The rung whose preset is `name`, or None."""
    return next((rung for rung in LADDER if rung.preset == name), None)


DEFAULT_PRESET = "fast"


def get_preset(name: str) -> GANConfig:
    try:
        return PRESETS[name]
    except KeyError:
        raise ConfigError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}") from None


def preset_names() -> list[str]:
    return list(PRESETS)
