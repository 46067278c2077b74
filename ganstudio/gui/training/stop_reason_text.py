"""Why training ended or went back, in the user's language, from the core's StopReason codes
(ganstudio/core/training/stopping.py); the core's English sentence stays for tooltips and logs."""

from __future__ import annotations

from ganstudio.core.training.stopping import DIVERGED, EQUILIBRIUM, ITERATION_LIMIT, ORIGINAL_RULE, STOPPED
from ganstudio.gui.translations import tr as _tr


def reason_words(reason) -> str:
    """A few words for "Finished: …"."""
    if reason.code == ITERATION_LIMIT:
        return _tr("iteration limit reached")
    if reason.code == ORIGINAL_RULE:
        return _tr("the original rule fired (D's rounded outputs average 0.5)")
    if reason.code == EQUILIBRIUM:
        return _tr("equilibrium (D's means on real and fake near 0.5)")
    if reason.code == STOPPED:
        return _tr("stopped")
    if reason.code == DIVERGED:
        return _tr("diverged at iteration {n}").format(n=reason.values["failed_at"])
    return reason.describe()


def divergence_message(reason) -> str:
    """One line for the message bar: what ran away, when, and what was kept."""
    v = reason.values
    return _tr("Training diverged at iteration {failed}: {what}. The model of iteration "
               "{restored} is back and training is paused; lower the learning rates before "
               "going on.").format(failed=v["failed_at"], what=_what_ran_away(v),
                                   restored=v["restored"])


def _what_ran_away(v: dict) -> str:
    value = f"{v['value']:.3g}"
    if v["criterion"] == "loss":
        if v["name"] == "d_loss":
            return _tr("D's loss reached {value}").format(value=value)
        return _tr("G's loss reached {value}").format(value=value)
    if v["criterion"] == "saturated":
        return _tr("D said exactly {value} for every image, real or fake, and can learn no "
                   "more").format(value=value)
    if v["name"] == "discriminator":
        return _tr("D's weights grew to {value} on average").format(value=value)
    return _tr("G's weights grew to {value} on average").format(value=value)
