"""The ladder presets in the window: the caption that says, in the message bar when a rung is
chosen, what it changes, why, and what the judge measured — readable on a projector, where a
tooltip is not (core/config.py LADDER, docs/ladder.md)."""

from __future__ import annotations

from ganstudio.core.config.ladder import (
    LADDER,
    LADDER_GROUP_NAMES,
    LADDER_IMAGES,
    LADDER_KIND_SHARE,
    LADDER_SEEDS,
    ladder_rung,
)
from ganstudio.core.quality.evaluation import KIND_SHARE
from ganstudio.gui.translations import core_text
from ganstudio.gui.translations import tr as _tr


def translate(text: str) -> str:
    """A text of the ladder marked in the core (context "Ladder")."""
    return core_text("Ladder", text)


def ladder_caption(preset: str) -> str:
    """Rung n of N, what it changes and why, and its measured effect; "" for other presets."""
    rung = ladder_rung(preset)
    if rung is None:
        return ""
    place = {"n": LADDER.index(rung), "last": len(LADDER) - 1}
    if rung.group is None:
        head = _tr("Ladder, rung {n} of {last}: the start.").format(**place)
    else:
        head = _tr("Ladder, rung {n} of {last}: changes {what}.").format(
            what=translate(LADDER_GROUP_NAMES[rung.group]), **place)
    # The rungs counted a kind from fewer samples than the chart and the verdict (ladder.py):
    # said here, so that 8.0 kinds beside a verdict of 7 is no riddle.
    measured = _tr("Measured after {images} images (mean of {seeds} seeds; a kind counted from "
                   "{ladder_share:.0%} of the samples, where the chart and the verdict count from "
                   "{share:.0%}): {kinds:.1f} of 10 kinds of digit, {unlike:.0%} of the drawings "
                   "like no digit.").format(
        images=f"{LADDER_IMAGES:,}", seeds=len(LADDER_SEEDS), ladder_share=LADDER_KIND_SHARE,
        share=KIND_SHARE, kinds=rung.kinds, unlike=rung.unlike)
    return f"{head} {translate(rung.why)} {measured}"
