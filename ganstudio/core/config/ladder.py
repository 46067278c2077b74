"""The ladder: from the 2014 demo to digits of every class, one group of settings at a time,
each rung with what the judge measured after it (benchmarks/ladder.py, docs/ladder.md)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ganstudio.core.config.settings import GANConfig
from ganstudio.core.translatable import QT_TRANSLATE_NOOP

# Each rung is the rung before with the settings of ONE group changed; the order and the numbers
# were measured on this engine (benchmarks/ladder.py, docs/ladder.md).

LADDER_IMAGES = 400_000   # every rung trains on this many images in D's steps (reals + fakes)
LADDER_SEEDS = (0, 1, 2)  # the measured numbers are means over these seeds
# The rungs' "kinds" count digit-like samples only, as the chart and the verdict do
# (core/quality/evaluation.py), but a kind from 1 % of the samples where they count from
# KIND_SHARE (3 %): the numbers were measured so (benchmarks/ladder.py), and the captions say it
# rather than the rungs being measured again.
LADDER_KIND_SHARE = 0.01

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
    kinds: float        # kinds of digit drawn digit-like, each in LADDER_KIND_SHARE of the samples
    covered: float      # classes the judge names at all (noise gets names too)
    kl: float           # KL of the named classes' shares to uniform, nats (one class: 2.30)
    confidence: float   # the judge's mean top-class probability
    unlike: float       # share of samples like no real digit (core/quality/digit_likeness.py)
    frechet: float      # Fréchet distance to held-out digits in the judge's features


def images_per_iteration(config: GANConfig) -> int:
    """Images through D's training steps in one iteration: the classic algorithm's epoch over
    its reals and fakes, or the minibatch algorithm's batch of each."""
    if config.algorithm == "classic":
        return config.real_per_iter + config.fake_per_iter
    return 2 * config.batch_size


# (preset, group it changes, settings changed, why, measured: kinds covered kl confidence unlike frechet)
_STEPS = (
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
)
LADDER = tuple(Rung(name, group, why, *measured) for name, group, _changes, why, measured in _STEPS)


def ladder_presets(start: GANConfig) -> dict[str, GANConfig]:
    """The rungs' presets, climbed from `start` (the seed preset): each the one before with its
    group's settings changed, trained on LADDER_IMAGES images."""
    presets, config = {}, start
    for name, _group, changes, why, _measured in _STEPS:
        config = dataclasses.replace(config, name=name, description=why, **changes)
        config = dataclasses.replace(config, iterations=LADDER_IMAGES // images_per_iteration(config))
        presets[name] = config
    return presets


def ladder_rung(name: str) -> Rung | None:
    """The rung whose preset is `name`, or None."""
    return next((rung for rung in LADDER if rung.preset == name), None)
