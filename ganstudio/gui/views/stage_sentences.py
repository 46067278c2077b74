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
            looked = _tr("D judges all {n} images of this iteration once more (reals {real:.2f}, "
                         "fakes {fake:.2f} on average).").format(
                n=reals_n + fakes_n, real=report.after.real.mean, fake=report.after.fake.mean)
        else:
            looked = _tr("The iteration is over.")
        return looked + " " + _stop_decision(report, config)
    return stage.replace("_", " ").capitalize() + "."


def _stop_decision(report: StageReport, config) -> str:
    """What the stopping rule read and what it decided: training stops here or goes on."""
    decision = (_tr("Training stops here.") if report.stopped is not None or report.last_iteration
                else _tr("Training goes on."))
    reading, tol = report.stop_reading, config.stop_tolerance
    if report.stop_rule == "original" and reading is not None:
        rule = _tr("The 2014 stopping rule: the mean of D's rounded verdicts is {value:.3f}, and it "
                   "stops at 0.5 ± {tol:.2f}.").format(value=reading["rounded_mean"], tol=tol)
    elif report.stop_rule == "equilibrium" and reading is not None:
        rule = _tr("The equilibrium rule: over the last {window} iterations D said {real:.2f} for "
                   "reals and {fake:.2f} for fakes; it stops when both are within 0.5 ± "
                   "{tol:.2f}.").format(window=reading["window"], real=reading["d_real"],
                                        fake=reading["d_fake"], tol=tol)
    elif report.stop_rule == "equilibrium":
        rule = _tr("The equilibrium rule needs {window} iterations before it can stop "
                   "training.").format(window=config.equilibrium_window)
    else:
        rule = _tr("No stopping rule is set: only the iteration limit ({limit:,}) ends "
                   "training.").format(limit=config.iterations)
    if report.stopped is None and report.last_iteration:
        decision = _tr("Training stops here: the iteration limit is reached.")
    return rule + " " + decision
