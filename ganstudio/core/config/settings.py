"""Training configuration as plain data: `GANConfig`, frozen, checked on creation against the
limits (`validate`, the one check for the command line, the window and checkpoints), saved as
JSON inside every checkpoint so a run can always be reproduced; and the network shapes a
configuration builds."""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass

from ganstudio.core.config.limits import (
    CHOICES,
    DIGIT_CLASSES,
    FLOAT_RANGES,
    IMAGE_PIXELS,
    INT_RANGES,
    MAX_HIDDEN_LAYERS,
    MAX_PARAMETERS,
    MAX_WIDTH,
    TEXT_LENGTHS,
)
from ganstudio.core.errors import ConfigError
from ganstudio.core.files.json_text import parse_json


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
    # (0 = off; found once at start, no labels used; see core/gan/clusters.py). G draws its cluster
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
    # Adaptive augmentation (core/gan/augment.py; 0 = off): while mean(sign(D's logit on reals))
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
    # With g_ema: the average's decay starts low and rises to g_ema, min(g_ema, (1 + t) /
    # (g_ema_warmup + t)) at iteration t (0 = always g_ema). A fixed 0.999 lags ~1,000
    # iterations behind G, so the first seconds' digits were the blur of G's first steps.
    g_ema_warmup: int = 0
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
            data = parse_json(text)
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
    text = (",".join(map(str, value)) or "(none)") if isinstance(value, tuple) else repr(value)
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
