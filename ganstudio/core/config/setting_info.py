"""What each setting of GANConfig is, for people: its label, its group, one or two sentences on
what it does, when it applies (the rules the engine follows: classic.py, minibatch.py,
algorithm.py, stopping.py) and whether it is among the common ones shown first. Values of
choices have words too ("[-1, 1]" for pm1). The one place for this; the window's settings panel
and `ganstudio presets --show` read it.

The texts are English, marked for the window's translation (core/translatable.py, context
"SettingHelp"); the keys stay as they are: the command line (`--set lr_d=0.001`), the docs and
checkpoints call the settings by them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ganstudio.core.config.overrides import config_keys
from ganstudio.core.config.settings import GANConfig
from ganstudio.core.translatable import QT_TRANSLATE_NOOP as _N
from ganstudio.core.translatable import Translate, untranslated

GROUPS = {   # in the order shown
    "data": _N("SettingHelp", "Data and noise"),
    "generator": _N("SettingHelp", "Generator (G)"),
    "discriminator": _N("SettingHelp", "Discriminator (D)"),
    "training": _N("SettingHelp", "Training"),
    "stopping": _N("SettingHelp", "Stopping"),
}

Applies = Callable[[GANConfig], bool]


def _always(_config: GANConfig) -> bool:
    return True


def _classic(c: GANConfig) -> bool:
    return c.algorithm == "classic"


def _minibatch(c: GANConfig) -> bool:
    return c.algorithm == "minibatch"


def _adam(c: GANConfig) -> bool:
    return c.optimizer == "adam"


def _sgd(c: GANConfig) -> bool:
    return c.optimizer == "sgd"


@dataclass(frozen=True)
class SettingInfo:
    key: str
    group: str
    label: str
    help: str
    common: bool = False
    applies: Applies = _always


def _s(key, group, label, help, common=False, applies=_always) -> SettingInfo:
    return SettingInfo(key, group, label, help, common, applies)


# In each group, the order shown (common ones first).
SETTINGS: dict[str, SettingInfo] = {s.key: s for s in (
    # ----- data and noise
    _s("algorithm", "training", _N("SettingHelp", "Algorithm"), _N("SettingHelp", "classic: the 2014 MATLAB demo, D then G for one epoch over 1000 real + 1000 fake images per iteration. minibatch: one D step and one G step per iteration, as in modern GANs."), common=True),
    _s("pixel_range", "data", _N("SettingHelp", "Pixel range"), _N("SettingHelp", "How pixels are scaled for the networks: divided by 255 to [0, 1], mapped to [-1, 1], or each image stretched to [0, 1] as the MATLAB demo can."), common=True),
    _s("noise_dim", "data", _N("SettingHelp", "Noise numbers per image"), _N("SettingHelp", "How many random numbers G turns into one image."), common=True),
    _s("noise", "data", _N("SettingHelp", "Noise distribution"), _N("SettingHelp", "Where G's random numbers come from: normal, uniform, the MATLAB demo's normal stretched to [0, 1] per row, or uniform on ±√3 (Goodfellow et al.)."), common=True),
    _s("clusters", "data", _N("SettingHelp", "Look-alike groups"), _N("SettingHelp", "Tell G and D which of this many look-alike groups of training images (k-means, no labels) an image belongs to, so G can draw each kind of digit cleanly. 0 = off, the plain GAN."), applies=_minibatch),
    _s("clusters_from", "data", _N("SettingHelp", "Groups from"), _N("SettingHelp", "pixels: the look-alike groups are found by k-means. labels: they are the ten digits themselves (needs 10 groups and labelled data), so G can be asked for a digit — a conditional GAN."), applies=lambda c: c.algorithm == "minibatch" and c.clusters > 0),
    _s("sample_count", "data", _N("SettingHelp", "Digits shown"), _N("SettingHelp", "How many digits the fixed noise batch draws.")),
    # ----- generator
    _s("g_hidden", "generator", _N("SettingHelp", "Hidden layers of G"), _N("SettingHelp", "The widths of G's hidden layers, comma-separated; empty for none (the classic G is 100 → 784)."), common=True),
    _s("g_activation", "generator", _N("SettingHelp", "G's activation"), _N("SettingHelp", "The nonlinearity after each of G's hidden layers."), common=True),
    _s("g_output", "generator", _N("SettingHelp", "G's output"), _N("SettingHelp", "G's last nonlinearity: sigmoid draws in [0, 1], tanh in [-1, 1]; it must match the pixel range.")),
    _s("lr_g", "generator", _N("SettingHelp", "G's learning rate"), _N("SettingHelp", "G's learning rate: how big G's steps are. Changes at once, even while training."), common=True),
    _s("g_loss", "generator", _N("SettingHelp", "G's objective"), _N("SettingHelp", "non-saturating: G maximises log D(fake), which gives strong gradients early. saturating: G minimises log(1 − D(fake)), the original minimax game, which stalls while D wins easily."), applies=lambda c: c.loss == "bce"),
    _s("init", "generator", _N("SettingHelp", "Weight initialisation"), _N("SettingHelp", "How the weights start: toolbox (the MATLAB toolbox's uniform range), glorot, he, normal (N(0, 0.02)), or the small uniform ranges of Goodfellow et al.")),
    _s("g_bias_from_data", "generator", _N("SettingHelp", "Start from the average digit"), _N("SettingHelp", "Start G's output at the average training image, so it begins from a grey blur of a digit rather than from noise."), applies=_minibatch),
    _s("g_reuses_fakes", "generator", _N("SettingHelp", "G reuses D's fakes"), _N("SettingHelp", "G's step reuses the noise and fakes of D's step instead of drawing new ones: faster, as PyTorch's DCGAN example does."), applies=_minibatch),
    _s("g_ema", "generator", _N("SettingHelp", "Average of G's weights"), _N("SettingHelp", "Draw the digits with a slow moving average of G's weights (e.g. 0.999), which smooths away step-to-step speckle. 0 = off."), applies=_minibatch),
    _s("g_ema_warmup", "generator", _N("SettingHelp", "Average's warm-up"), _N("SettingHelp", "The average's decay starts low and rises to the one above: (1 + t) / (warm-up + t) at iteration t, so the first seconds' digits follow G instead of lagging a thousand iterations behind. 0 = off."), applies=lambda c: _minibatch(c) and c.g_ema > 0),
    # ----- discriminator
    _s("d_hidden", "discriminator", _N("SettingHelp", "Hidden layers of D"), _N("SettingHelp", "The widths of D's hidden layers, comma-separated."), common=True),
    _s("d_activation", "discriminator", _N("SettingHelp", "D's activation"), _N("SettingHelp", "The nonlinearity after each of D's hidden layers; maxout takes the largest of several units."), common=True),
    _s("lr_d", "discriminator", _N("SettingHelp", "D's learning rate"), _N("SettingHelp", "D's learning rate: how big D's steps are. Changes at once, even while training."), common=True),
    _s("loss", "discriminator", _N("SettingHelp", "D's loss"), _N("SettingHelp", "What D is trained to minimise: cross-entropy, the MATLAB toolbox's squared error, or least squares (LSGAN)."), common=True),
    _s("d_dropout", "discriminator", _N("SettingHelp", "Dropout in D"), _N("SettingHelp", "The share of D's hidden units switched off at random at each step, so D cannot lean on a few of them.")),
    _s("d_input_dropout", "discriminator", _N("SettingHelp", "Dropout of D's inputs"), _N("SettingHelp", "The share of D's input pixels switched off at random at each step.")),
    _s("d_maxout_pieces", "discriminator", _N("SettingHelp", "Maxout pieces"), _N("SettingHelp", "With maxout: how many units each of D's hidden units takes the maximum of."), applies=lambda c: c.d_activation == "maxout"),
    _s("d_real_label", "discriminator", _N("SettingHelp", "D's target for real images"), _N("SettingHelp", "D's target for real images; below 1 (e.g. 0.9) keeps D from becoming certain, so its advice to G stays useful."), applies=_minibatch),
    _s("d_augment_target", "discriminator", _N("SettingHelp", "Adaptive shifts"), _N("SettingHelp", "Adaptive augmentation: while D is this sure of the real images, shift more of D's images by up to 2 pixels, so D cannot memorise a small training set. 0 = off."), applies=_minibatch),
    _s("d_init", "discriminator", _N("SettingHelp", "D's weight initialisation"), _N("SettingHelp", "D's own weight initialisation; \"as G\" means the same as G's.")),
    _s("leaky_slope", "discriminator", _N("SettingHelp", "Leaky ReLU slope"), _N("SettingHelp", "The slope of leaky ReLU for negative inputs, in G and D."), applies=lambda c: "leaky_relu" in (c.g_activation, c.d_activation)),
    _s("freeze_d_in_g", "discriminator", _N("SettingHelp", "Freeze D's copy in G→D"), _N("SettingHelp", "Classic algorithm: keep D's copy inside the stacked G→D network fixed while G trains. Off = as the original, which also trains that copy and overwrites it next iteration."), applies=_classic),
    # ----- training
    _s("optimizer", "training", _N("SettingHelp", "Optimizer"), _N("SettingHelp", "SGD (with momentum) or Adam."), common=True),
    _s("batch_size", "training", _N("SettingHelp", "Batch size"), _N("SettingHelp", "How many images each training step looks at."), common=True),
    _s("seed", "training", _N("SettingHelp", "Random seed"), _N("SettingHelp", "The random seed: the same seed and settings give the same run, bit for bit."), common=True),
    _s("real_per_iter", "training", _N("SettingHelp", "Real images per iteration"), _N("SettingHelp", "Classic algorithm: real images D sees per iteration."), common=True, applies=_classic),
    _s("fake_per_iter", "training", _N("SettingHelp", "Fake images per iteration"), _N("SettingHelp", "Classic algorithm: fake images D sees, and noise rows G trains on, per iteration."), common=True, applies=_classic),
    _s("momentum", "training", _N("SettingHelp", "Momentum"), _N("SettingHelp", "SGD's momentum: the share of the last step carried into the next."), common=True, applies=_sgd),
    _s("beta1", "training", _N("SettingHelp", "Adam β₁"), _N("SettingHelp", "Adam's memory of past gradients (0 = none; GANs often use 0.5 or less)."), common=True, applies=_adam),
    _s("beta2", "training", _N("SettingHelp", "Adam β₂"), _N("SettingHelp", "Adam's memory of past squared gradients."), applies=_adam),
    _s("momentum_ramp", "training", _N("SettingHelp", "Momentum ramp"), _N("SettingHelp", "Iterations over which momentum moves to the final momentum (0 = no ramp)."), applies=_sgd),
    _s("momentum_final", "training", _N("SettingHelp", "Final momentum"), _N("SettingHelp", "The momentum reached at the end of the momentum ramp."), applies=lambda c: _sgd(c) and c.momentum_ramp > 0),
    _s("weight_decay", "training", _N("SettingHelp", "Weight decay (L2)"), _N("SettingHelp", "L2 weight decay: pulls every weight a little toward 0 at each step.")),
    _s("lr_decay", "training", _N("SettingHelp", "Learning-rate decay"), _N("SettingHelp", "Both learning rates are divided by this after every iteration (1 = no decay).")),
    _s("lr_min", "training", _N("SettingHelp", "Lowest learning rate"), _N("SettingHelp", "The learning rates never decay below this."), applies=lambda c: c.lr_decay != 1.0),
    _s("dtype", "training", _N("SettingHelp", "Number format"), _N("SettingHelp", "The number format of the networks: 32-bit is the fast default, 64-bit is for checking numerics.")),
    # ----- stopping
    _s("iterations", "stopping", _N("SettingHelp", "Iterations"), _N("SettingHelp", "Training stops after this many iterations. Changes at once, even while training."), common=True),
    _s("stop_rule", "stopping", _N("SettingHelp", "Stopping rule"), _N("SettingHelp", "When to stop early: the original rule (D's rounded outputs average 0.5, which a perfect D also satisfies), equilibrium (D's means on real and fake both near 0.5 for a while) or never."), common=True),
    _s("stop_tolerance", "stopping", _N("SettingHelp", "Tolerance"), _N("SettingHelp", "How close to 0.5 the stopping rules ask for (0.05 in the original)."), applies=lambda c: c.stop_rule != "none"),
    _s("equilibrium_window", "stopping", _N("SettingHelp", "Equilibrium window"), _N("SettingHelp", "Iterations the equilibrium rule looks back over."), applies=lambda c: c.stop_rule == "equilibrium"),
)}

# Words for the values of choices; a value without words is shown as it is.
VALUE_WORDS = {
    ("algorithm", "classic"): _N("SettingHelp", "classic (2014 demo)"),
    ("algorithm", "minibatch"): _N("SettingHelp", "minibatch (modern)"),
    ("clusters_from", "pixels"): _N("SettingHelp", "pixels (k-means)"),
    ("clusters_from", "labels"): _N("SettingHelp", "labels (the digits)"),
    ("pixel_range", "01"): _N("SettingHelp", "[0, 1]"),
    ("pixel_range", "pm1"): _N("SettingHelp", "[-1, 1]"),
    ("pixel_range", "minmax01"): _N("SettingHelp", "[0, 1], each image stretched"),
    ("noise", "normal"): _N("SettingHelp", "normal"),
    ("noise", "uniform"): _N("SettingHelp", "uniform"),
    ("noise", "normal_minmax01"): _N("SettingHelp", "normal, stretched to [0, 1]"),
    ("noise", "uniform_sqrt3"): _N("SettingHelp", "uniform on ±√3"),
    ("loss", "bce"): _N("SettingHelp", "cross-entropy"),
    ("loss", "mse"): _N("SettingHelp", "squared error (toolbox)"),
    ("loss", "lsgan"): _N("SettingHelp", "least squares (LSGAN)"),
    ("g_loss", "non_saturating"): _N("SettingHelp", "non-saturating"),
    ("g_loss", "saturating"): _N("SettingHelp", "saturating (minimax)"),
    ("optimizer", "sgd"): _N("SettingHelp", "SGD"),
    ("optimizer", "adam"): _N("SettingHelp", "Adam"),
    ("stop_rule", "none"): _N("SettingHelp", "never early"),
    ("stop_rule", "original"): _N("SettingHelp", "original rule"),
    ("stop_rule", "equilibrium"): _N("SettingHelp", "equilibrium"),
    ("dtype", "float32"): _N("SettingHelp", "32-bit"),
    ("dtype", "float64"): _N("SettingHelp", "64-bit"),
    ("d_init", ""): _N("SettingHelp", "as G"),
}
for _key in ("g_activation", "g_output", "d_activation"):
    VALUE_WORDS[(_key, "leaky_relu")] = _N("SettingHelp", "leaky ReLU")
    VALUE_WORDS[(_key, "relu")] = _N("SettingHelp", "ReLU")


def info(key: str) -> SettingInfo:
    return SETTINGS[key]


def applies(key: str, config: GANConfig) -> bool:
    """Whether `key` makes any difference under `config` (its algorithm, optimizer, ...)."""
    return SETTINGS[key].applies(config)


def value_words(key: str, value, translate: Translate = untranslated) -> str:
    words = VALUE_WORDS.get((key, value))
    return translate(words) if words is not None else str(value)


def ordered_keys() -> list[str]:
    """Every setting, by group, common ones first within a group."""
    groups, listed = list(GROUPS), list(SETTINGS)
    return sorted(config_keys(), key=lambda k: (groups.index(SETTINGS[k].group),
                                                not SETTINGS[k].common, listed.index(k)))
