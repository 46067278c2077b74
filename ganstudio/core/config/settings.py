"""Training configuration as plain data: `GANConfig`, frozen, checked on creation (limits.py),
saved as JSON inside every checkpoint so a run can always be reproduced."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass

from ganstudio.core.config.limits import validate
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
