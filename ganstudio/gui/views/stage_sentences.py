"""One plain sentence per stage of a step-through, with the stage's own numbers."""

from __future__ import annotations

from ganstudio.core.training.stage_report import StageReport
from ganstudio.gui.translations import tr as _tr


def _moved(before, after) -> str:
    return _tr("{before:.3f} → {after:.3f}").format(before=before.mean, after=after.mean)


def stage_sentence(report: StageReport, config) -> str:
    """What the stage just did, in words a student follows; numbers only where it measured
    them (never 'nan')."""
    stage, classic = report.stage, config.algorithm == "classic"
    fakes_n = config.fake_per_iter if classic else config.batch_size
    reals_n = config.real_per_iter if classic else config.batch_size
    if stage == "copy_generator":
        return _tr("The first network gets G's first layer ({n:,} numbers), so it draws exactly "
                   "what G has learned so far.").format(n=report.copied_values)
    if stage == "generate_fakes":
        if classic:
            return _tr("The first network turns {n} random noise rows into fake digits; "
                       "a few of them are shown.").format(n=fakes_n)
        return _tr("G turns a batch of {n} random noise vectors into fake digits.").format(n=fakes_n)
    if stage == "sample_reals":
        if classic:
            return _tr("{n} real digits are picked at random from the training set.").format(n=reals_n)
        return _tr("The next {n} real digits of the shuffled training set.").format(n=reals_n)
    if stage == "train_discriminator":
        what = (_tr("D trains one epoch on {reals} reals (target 1) and {fakes} fakes (target 0).")
                if classic else
                _tr("D takes one step on {reals} reals (target 1) and {fakes} fakes (target 0)."))
        return what.format(reals=reals_n, fakes=fakes_n) + " " + _tr(
            "Its mean verdict on reals went {real}, on fakes {fake}.").format(
            real=_moved(report.before.real, report.after.real),
            fake=_moved(report.before.fake, report.after.fake))
    if stage == "copy_discriminator":
        return _tr("D's new weights ({n:,} numbers) are copied into layers 2–3 of the stacked G, "
                   "so G is judged by the D that just trained.").format(n=report.copied_values)
    if stage == "train_generator":
        what = (_tr("G (the stack's first layer) trains one epoch to make the copy of D say 1 "
                    "on its fakes.") if classic else
                _tr("G takes one step through the frozen D to make it say 1 on its fakes."))
        return what + " " + _tr("D's mean verdict on those fakes went {fake}.").format(
            fake=_moved(report.before.fake, report.after.fake))
    if stage == "check_stop":
        if report.after is not None:
            return _tr("D judges all {n} images of this iteration once more (reals {real:.2f}, "
                       "fakes {fake:.2f} on average); the stopping rule reads these verdicts.").format(
                n=reals_n + fakes_n, real=report.after.real.mean, fake=report.after.fake.mean)
        return _tr("The iteration is over: the stopping rule reads this iteration's numbers.")
    return stage.replace("_", " ").capitalize() + "."
