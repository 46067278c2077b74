"""The verdict at the end of a run: who won the game and what G draws, in words a student
understands, computed from the numbers.

Two findings, each a code (plus the numbers behind it in `values`):
- the game, from D's means over the last iterations and the stop reason: D won (it tells real
  from fake), balance (it cannot), diverged, or not played yet;
- the drawing, from the bundled judge's verdict on fresh samples: not digits yet, collapsed onto
  N kinds of digit, some kinds, or every kind of digit.

The thresholds were measured on real runs of every preset (benchmarks/verdict_marks.py; the
table is in docs/quality.md, "The verdict"). `render_verdict` says it in English or, given a
`translate` function, in the window's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

import numpy as np

from ganstudio.core.quality.evaluation import ClassReport, class_report
from ganstudio.core.training.stopping import DIVERGED, ORIGINAL_RULE, StopReason
from ganstudio.core.translatable import QT_TRANSLATE_NOOP, Translate, untranslated

# D's means are averaged over this many recent iterations: one iteration's batch is noisy.
MEANS_WINDOW = 50
# D won when it separates reals from fakes: its mean on reals is at least D_WON_LOG_ODDS nats of
# log-odds above its mean on fakes (odds e² ≈ 7 times higher). Log-odds, not the plain gap of
# the means: a D that says 0.51 for reals and 0.11 for fakes tells them apart (the
# stopping-rule scenario, D right about 96 % of the images) though the gap is only 0.40, while
# soft labels and label noise squeeze the plain gap of a healthy run. Measured (means over the
# last 50 iterations; docs/quality.md, "The verdict"): stopping-rule at 12: 2.18; seed at
# 1,500: ≈ 5.5; strong-d: > 9; the healthy runs stay below: fast 0.29–0.63 (500–6,000),
# mlp 1.58 at 700 (its D leads while G learns its first digits) and lower later.
D_WON_LOG_ODDS = 2.0
# D's outputs are clipped this far from 0 and 1 before their log-odds: a D that says exactly 1
# must not make an infinite separation.
LOG_ODDS_CLIP = 1e-6
# A kind of digit G draws: evaluation.py's one rule (digit-like samples only, KIND_SHARE), the
# same the class chart and the metrics panel count.
# Collapsed: G draws at most this many kinds of digit.
COLLAPSED_KINDS = 3
# Not digits yet: at least this share of the samples look like no digit at all (likeness.py;
# an untrained G is at 100 %, real digits at 1 %).
NOT_DIGITS_SHARE = 0.5
SAMPLES = 1000
SAMPLE_SEED = 12345   # the same fresh samples as `ganstudio eval`


class Game(str, Enum):
    D_WON = "d_won"
    BALANCE = "balance"
    DIVERGED = "diverged"
    NOT_PLAYED = "not_played"   # no iteration yet: nothing to say about D


class Drawing(str, Enum):
    NOT_DIGITS = "not_digits"
    COLLAPSED = "collapsed"     # onto at most COLLAPSED_KINDS kinds
    SOME_KINDS = "some_kinds"   # more kinds than a collapse, not all ten
    EVERY_KIND = "every_kind"


@dataclass(frozen=True)
class Verdict:
    game: Game
    drawing: Drawing
    values: dict = field(default_factory=dict, hash=False)

    @property
    def code(self) -> str:
        return f"{self.game.value}/{self.drawing.value}"

    def to_json(self) -> dict:
        return {"game": self.game.value, "drawing": self.drawing.value, "values": dict(self.values)}


def judge_verdict(classes: ClassReport, d_real: float | None, d_fake: float | None,
                  reason: StopReason | None = None) -> Verdict:
    """The verdict from the numbers: the judge's class report of G's samples, D's recent means
    (None before the first iteration) and why training ended (None: it has not)."""
    order = classes.drawn_digits
    values = {"kinds": len(order), "digits": order,
              "top_share": float(np.max(classes.digit_shares)),
              "unlike_share": float(classes.unlike_share), "confidence": float(classes.confidence),
              "covered": int(classes.covered), "kl": float(classes.kl),
              "stop": reason.code if reason else None}
    if reason is not None and reason.code == DIVERGED:
        game = Game.DIVERGED
        values.update(failed_at=reason.values["failed_at"], restored=reason.values["restored"])
    elif d_real is None or d_fake is None:
        game = Game.NOT_PLAYED
    else:
        values.update(d_real=float(d_real), d_fake=float(d_fake))
        game = Game.D_WON if separation(d_real, d_fake) >= D_WON_LOG_ODDS else Game.BALANCE
    if classes.unlike_share >= NOT_DIGITS_SHARE:
        drawing = Drawing.NOT_DIGITS
    elif len(order) <= COLLAPSED_KINDS:
        drawing = Drawing.COLLAPSED
    elif len(order) < 10:
        drawing = Drawing.SOME_KINDS
    else:
        drawing = Drawing.EVERY_KIND
    return Verdict(game, drawing, values)


def separation(d_real: float, d_fake: float) -> float:
    """How far apart D puts reals and fakes: log-odds of its mean on reals minus that on fakes."""
    real, fake = np.clip([d_real, d_fake], LOG_ODDS_CLIP, 1.0 - LOG_ODDS_CLIP)
    return float(np.log(real / (1.0 - real)) - np.log(fake / (1.0 - fake)))


def recent_means(history, window: int = MEANS_WINDOW) -> tuple[float | None, float | None]:
    """D's mean outputs on reals and fakes over the last `window` iterations of a history."""
    real, fake = list(history["d_real"][-window:]), list(history["d_fake"][-window:])
    if not real:
        return None, None
    return float(np.mean(real)), float(np.mean(fake))


def session_verdict(session, reason: StopReason | None = None, classes: ClassReport | None = None,
                    n: int = SAMPLES) -> Verdict:
    """The verdict on a session that is not training (the caller's thread owns it); pass the
    class report if one was made already (e.g. by `ganstudio eval`)."""
    if classes is None:
        classes = class_report(session.sample(n, seed=SAMPLE_SEED))
    return judge_verdict(classes, *recent_means(session.history),
                         reason if reason is not None else session.finished_reason)


# ----- in words -----------------------------------------------------------------------------
_GAME = {
    Game.D_WON: QT_TRANSLATE_NOOP("Verdict", "D won: it tells real digits from G's fakes "
                                  "(it says {d_real:.2f} on average for real ones and "
                                  "{d_fake:.2f} for fakes)."),
    Game.BALANCE: QT_TRANSLATE_NOOP("Verdict", "Balance: D can no longer tell G's fakes from "
                                    "real digits well (it says {d_real:.2f} on average for real "
                                    "ones and {d_fake:.2f} for fakes)."),
    Game.DIVERGED: QT_TRANSLATE_NOOP("Verdict", "Training diverged at iteration {failed_at}: the "
                                     "numbers ran away, and the model of iteration {restored} "
                                     "was kept."),
    Game.NOT_PLAYED: QT_TRANSLATE_NOOP("Verdict", "G and D have not trained yet."),
}
_DRAWING = {
    Drawing.NOT_DIGITS: QT_TRANSLATE_NOOP("Verdict", "G does not draw digits yet: "
                                          "{unlike:.0%} of its images look like no digit at all."),
    Drawing.SOME_KINDS: QT_TRANSLATE_NOOP("Verdict", "G draws {kinds} of the 10 kinds of digit "
                                          "({digits}); the others are missing."),
    Drawing.EVERY_KIND: QT_TRANSLATE_NOOP("Verdict", "G draws every kind of digit."),
}
_COLLAPSED_ONE = QT_TRANSLATE_NOOP("Verdict", "G collapsed onto one kind of digit: the judge "
                                   "calls {top:.0%} of its images {digits}. Being sure of them "
                                   "does not make them varied.")
_COLLAPSED_FEW = QT_TRANSLATE_NOOP("Verdict", "G collapsed onto {kinds} kinds of digit "
                                   "({digits}); the other kinds are missing.")
_HEADLINE_GAME = {
    Game.D_WON: QT_TRANSLATE_NOOP("Verdict", "D won"),
    Game.BALANCE: QT_TRANSLATE_NOOP("Verdict", "balance"),
    Game.DIVERGED: QT_TRANSLATE_NOOP("Verdict", "diverged"),
    Game.NOT_PLAYED: QT_TRANSLATE_NOOP("Verdict", "not trained"),
}
_HEADLINE_DRAWING = {
    Drawing.NOT_DIGITS: QT_TRANSLATE_NOOP("Verdict", "no digits yet"),
    Drawing.COLLAPSED: QT_TRANSLATE_NOOP("Verdict", "G collapsed onto {kinds} kinds of digit"),
    Drawing.SOME_KINDS: QT_TRANSLATE_NOOP("Verdict", "{kinds} of 10 kinds of digit"),
    Drawing.EVERY_KIND: QT_TRANSLATE_NOOP("Verdict", "every kind of digit"),
}
_HEADLINE_COLLAPSED_ONE = QT_TRANSLATE_NOOP("Verdict", "G collapsed onto one kind of digit")
_ORIGINAL_RULE_FOOLED = QT_TRANSLATE_NOOP("Verdict", "The original stopping rule fired although "
                                          "D won: a perfect D's rounded outputs also average 0.5.")
_JOIN = QT_TRANSLATE_NOOP("Verdict", "{game}, {drawing}")


def _digits(values: dict) -> str:
    return ", ".join(str(d) for d in values["digits"])


def _fill(template: str, values: dict, translate: Translate) -> str:
    return translate(template).format(
        d_real=values.get("d_real", 0.0), d_fake=values.get("d_fake", 0.0),
        failed_at=values.get("failed_at", ""), restored=values.get("restored", ""),
        unlike=values["unlike_share"], kinds=values["kinds"], digits=_digits(values),
        top=values["top_share"])


def render_verdict(verdict: Verdict, translate: Translate = untranslated) -> str:
    """Two or three plain sentences: the game, the drawing, and a word on a misleading rule."""
    v = verdict.values
    if verdict.drawing is Drawing.COLLAPSED:
        drawing = _COLLAPSED_ONE if v["kinds"] <= 1 else _COLLAPSED_FEW
    else:
        drawing = _DRAWING[verdict.drawing]
    sentences = [_fill(_GAME[verdict.game], v, translate), _fill(drawing, v, translate)]
    if verdict.game is Game.D_WON and v.get("stop") == ORIGINAL_RULE:
        sentences.append(translate(_ORIGINAL_RULE_FOOLED))
    return " ".join(sentences)


def verdict_headline(verdict: Verdict, translate: Translate = untranslated) -> str:
    """A few words for a status bar, e.g. "D won, G collapsed onto one kind of digit"."""
    drawing = _HEADLINE_DRAWING[verdict.drawing]
    if verdict.drawing is Drawing.COLLAPSED and verdict.values["kinds"] <= 1:
        drawing = _HEADLINE_COLLAPSED_ONE
    return translate(_JOIN).format(game=translate(_HEADLINE_GAME[verdict.game]),
                                   drawing=_fill(drawing, verdict.values, translate))
