"""One translatable sentence or two per setting, shown as the settings panel's tooltips.

The panel's labels stay the settings' own names (lr_d, g_ema, ...): the same names the command
line takes (`--set lr_d=0.001`), the docs use and checkpoints store, so a student can look one
up anywhere. What each one does is explained here, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_HELP = {
    "algorithm": QT_TRANSLATE_NOOP("SettingHelp", "classic: the 2014 MATLAB demo, D then G for one epoch over 1000 real + 1000 fake images per iteration. minibatch: one D step and one G step per iteration, as in modern GANs."),
    "pixel_range": QT_TRANSLATE_NOOP("SettingHelp", "How pixels are scaled for the networks: 01 divides by 255, pm1 maps to [-1, 1], minmax01 stretches each image to [0, 1] as the MATLAB demo can."),
    "noise_dim": QT_TRANSLATE_NOOP("SettingHelp", "How many random numbers G turns into one image."),
    "noise": QT_TRANSLATE_NOOP("SettingHelp", "Where G's random numbers come from: normal, uniform, the MATLAB demo's normal stretched to [0, 1] per row, or uniform on ±√3 (Goodfellow et al.)."),
    "clusters": QT_TRANSLATE_NOOP("SettingHelp", "Tell G and D which of this many look-alike groups of training images (k-means, no labels) an image belongs to, so G can draw each kind of digit cleanly. 0 = off, the plain GAN."),
    "g_hidden": QT_TRANSLATE_NOOP("SettingHelp", "The widths of G's hidden layers, comma-separated; empty for none (the classic G is 100 → 784)."),
    "g_activation": QT_TRANSLATE_NOOP("SettingHelp", "The nonlinearity after each of G's hidden layers."),
    "g_output": QT_TRANSLATE_NOOP("SettingHelp", "G's last nonlinearity: sigmoid draws in [0, 1], tanh in [-1, 1]; it must match pixel_range."),
    "d_hidden": QT_TRANSLATE_NOOP("SettingHelp", "The widths of D's hidden layers, comma-separated."),
    "d_activation": QT_TRANSLATE_NOOP("SettingHelp", "The nonlinearity after each of D's hidden layers; maxout takes the largest of d_maxout_pieces units."),
    "d_maxout_pieces": QT_TRANSLATE_NOOP("SettingHelp", "With maxout: how many units each of D's hidden units takes the maximum of."),
    "d_dropout": QT_TRANSLATE_NOOP("SettingHelp", "The share of D's hidden units switched off at random at each step, so D cannot lean on a few of them."),
    "d_input_dropout": QT_TRANSLATE_NOOP("SettingHelp", "The share of D's input pixels switched off at random at each step."),
    "leaky_slope": QT_TRANSLATE_NOOP("SettingHelp", "The slope of leaky_relu for negative inputs."),
    "init": QT_TRANSLATE_NOOP("SettingHelp", "How the weights start: toolbox (the MATLAB toolbox's uniform range), glorot, he, normal (N(0, 0.02)), or the small uniform ranges of Goodfellow et al."),
    "d_init": QT_TRANSLATE_NOOP("SettingHelp", "D's own weight initialisation; empty means the same as init."),
    "g_bias_from_data": QT_TRANSLATE_NOOP("SettingHelp", "Start G's output at the average training image, so it begins from a grey blur of a digit rather than from noise."),
    "loss": QT_TRANSLATE_NOOP("SettingHelp", "What D is trained to minimise: bce (cross-entropy), mse (the MATLAB toolbox's squared error) or lsgan (least squares)."),
    "g_loss": QT_TRANSLATE_NOOP("SettingHelp", "non_saturating: G maximises log D(fake), which gives strong gradients early. saturating: G minimises log(1 − D(fake)), the original minimax game, which stalls while D wins easily."),
    "d_augment_target": QT_TRANSLATE_NOOP("SettingHelp", "Adaptive augmentation: while D is this sure of the real images, shift more of D's images by up to 2 pixels, so D cannot memorise a small training set. 0 = off."),
    "d_real_label": QT_TRANSLATE_NOOP("SettingHelp", "D's target for real images; below 1 (e.g. 0.9) keeps D from becoming certain, so its advice to G stays useful."),
    "optimizer": QT_TRANSLATE_NOOP("SettingHelp", "sgd (with momentum) or adam."),
    "lr_d": QT_TRANSLATE_NOOP("SettingHelp", "D's learning rate: how big D's steps are. Changes at once, even while training."),
    "lr_g": QT_TRANSLATE_NOOP("SettingHelp", "G's learning rate: how big G's steps are. Changes at once, even while training."),
    "beta1": QT_TRANSLATE_NOOP("SettingHelp", "Adam's memory of past gradients (0 = none; GANs often use 0.5 or less)."),
    "beta2": QT_TRANSLATE_NOOP("SettingHelp", "Adam's memory of past squared gradients."),
    "momentum": QT_TRANSLATE_NOOP("SettingHelp", "SGD's momentum: the share of the last step carried into the next."),
    "momentum_final": QT_TRANSLATE_NOOP("SettingHelp", "The momentum reached after momentum_ramp iterations."),
    "momentum_ramp": QT_TRANSLATE_NOOP("SettingHelp", "Iterations over which momentum moves from momentum to momentum_final (0 = no ramp)."),
    "lr_decay": QT_TRANSLATE_NOOP("SettingHelp", "Both learning rates are divided by this after every iteration (1 = no decay)."),
    "lr_min": QT_TRANSLATE_NOOP("SettingHelp", "The learning rates never decay below this."),
    "weight_decay": QT_TRANSLATE_NOOP("SettingHelp", "L2 weight decay: pulls every weight a little toward 0 at each step."),
    "g_reuses_fakes": QT_TRANSLATE_NOOP("SettingHelp", "G's step reuses the noise and fakes of D's step instead of drawing new ones: faster, as PyTorch's DCGAN example does."),
    "g_ema": QT_TRANSLATE_NOOP("SettingHelp", "Draw the digits with a slow moving average of G's weights (e.g. 0.999), which smooths away step-to-step speckle. 0 = off."),
    "batch_size": QT_TRANSLATE_NOOP("SettingHelp", "How many images each training step looks at."),
    "real_per_iter": QT_TRANSLATE_NOOP("SettingHelp", "Classic algorithm: real images D sees per iteration."),
    "fake_per_iter": QT_TRANSLATE_NOOP("SettingHelp", "Classic algorithm: fake images D sees, and noise rows G trains on, per iteration."),
    "freeze_d_in_g": QT_TRANSLATE_NOOP("SettingHelp", "Classic algorithm: keep D's copy inside the stacked G→D network fixed while G trains. Off = as the original, which also trains that copy and overwrites it next iteration."),
    "iterations": QT_TRANSLATE_NOOP("SettingHelp", "Training stops after this many iterations. Changes at once, even while training."),
    "stop_rule": QT_TRANSLATE_NOOP("SettingHelp", "When to stop early: original (D's rounded outputs average 0.5, which a perfect D also satisfies), equilibrium (D's means on real and fake both near 0.5 for a while) or none."),
    "stop_tolerance": QT_TRANSLATE_NOOP("SettingHelp", "How close to 0.5 the stopping rules ask for (0.05 in the original)."),
    "equilibrium_window": QT_TRANSLATE_NOOP("SettingHelp", "Iterations the equilibrium rule looks back over."),
    "seed": QT_TRANSLATE_NOOP("SettingHelp", "The random seed: the same seed and settings give the same run, bit for bit."),
    "sample_count": QT_TRANSLATE_NOOP("SettingHelp", "How many digits the fixed noise batch draws."),
    "dtype": QT_TRANSLATE_NOOP("SettingHelp", "The number format of the networks: float32 is the fast default, float64 is for checking numerics."),
}


def setting_help(key: str) -> str:
    """What `key` does, in the user's language, and how to set it from the command line."""
    # Literal contexts, the same as QT_TRANSLATE_NOOP's above: pyside6-lupdate reads the source.
    text = QCoreApplication.translate("SettingHelp", _HELP[key])
    return text + "\n" + QCoreApplication.translate("SettingHelp", "Command line: --set {key}=…").format(key=key)


def documented_keys() -> set[str]:
    return set(_HELP)
