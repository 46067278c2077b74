"""Training configuration as plain data, and the named presets.

A preset is a `GANConfig`: listable, overridable key by key (`with_overrides`), and saved as
JSON inside every checkpoint so a run can always be reproduced.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass

from ganstudio.core.errors import ConfigError

INITS = ("toolbox", "glorot", "he", "normal", "uniform005", "uniform0005")

CHOICES = {
    "algorithm": ("classic", "minibatch"),
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
        for key, allowed in CHOICES.items():
            if getattr(self, key) not in allowed:
                raise ConfigError(f"{key} must be one of {', '.join(allowed)}, not {getattr(self, key)!r}")
        if self.noise_dim < 1 or self.batch_size < 1 or self.iterations < 0:
            raise ConfigError("noise_dim and batch_size must be positive, iterations not negative")
        if self.clusters and not 2 <= self.clusters <= 100:
            raise ConfigError("clusters must be 0 (off) or from 2 to 100")
        if self.clusters and self.algorithm == "classic":
            raise ConfigError("clusters work with the minibatch algorithm only, not the classic one")
        for key in ("d_dropout", "d_input_dropout"):
            if not 0.0 <= getattr(self, key) < 1.0:
                raise ConfigError(f"{key} must be in [0, 1)")
        if (self.g_output == "tanh") != (self.pixel_range == "pm1"):
            raise ConfigError("g_output tanh goes with pixel_range pm1, and sigmoid with 01 or minmax01: "
                              "the generator must draw in the range the real images are in")
        if not 0.5 < self.d_real_label <= 1.0:
            raise ConfigError("d_real_label must be in (0.5, 1]")
        if not 0.0 <= self.d_augment_target < 1.0:
            raise ConfigError("d_augment_target must be in [0, 1) (0 = off)")
        if self.d_augment_target and self.algorithm == "classic":
            raise ConfigError("d_augment_target works with the minibatch algorithm only")
        if not 0.0 <= self.g_ema < 1.0:
            raise ConfigError("g_ema must be in [0, 1)")
        if self.lr_d <= 0 or self.lr_g <= 0:
            raise ConfigError("learning rates must be positive")

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> GANConfig:
        data = json.loads(text)
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ConfigError(f"unknown configuration keys: {', '.join(sorted(unknown))}")
        for f in dataclasses.fields(cls):
            if isinstance(f.default, tuple) and f.name in data:
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
}

DEFAULT_PRESET = "fast"


def get_preset(name: str) -> GANConfig:
    try:
        return PRESETS[name]
    except KeyError:
        raise ConfigError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}") from None


def preset_names() -> list[str]:
    return list(PRESETS)
