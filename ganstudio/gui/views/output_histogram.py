"""How D scores real digits and G's fakes: two overlapping histograms over [0, 1]."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from ganstudio.gui.theme import Theme
from ganstudio.gui.translations import tr as _tr
from ganstudio.gui.views.plotting import (
    apply_theme_to_plot,
    make_plot,
    pen,
    set_title_with_key,
    show_values_up_to,
)

BIN_EDGES = np.linspace(0.0, 1.0, 41)
# The histogram pools D's outputs of the last few batches, up to this many of each kind: one
# batch of 32 (the fast preset) made a ragged comb of bars; the classic algorithm's 1000 per
# iteration are shown alone, as before.
POOLED_OUTPUTS = 512


def _share(outputs: np.ndarray) -> np.ndarray:
    counts, _ = np.histogram(outputs, bins=BIN_EDGES)
    return counts / max(1, outputs.size)


class OutputHistogram:
    def __init__(self, theme: Theme) -> None:
        self.widget = make_plot(_tr("D's outputs"), _tr("D(x)"), _tr("share"))
        item = self.widget.getPlotItem()
        item.setXRange(0.0, 1.0, padding=0.0)
        item.setYRange(0.0, 1.0, padding=0.0)
        self.real_bars = item.plot(stepMode="center", fillLevel=0)
        self.fake_bars = item.plot(stepMode="center", fillLevel=0)
        self._recent: list[tuple[np.ndarray, np.ndarray]] = []   # newest last
        self.widget.setToolTip(_tr("How sure D is that an image is real, for the last {n} real "
                                   "and {n} fake images it judged (or one iteration's, when "
                                   "that holds more). Apart: D tells them apart. Together "
                                   "near 0.5: G fools D.").format(n=POOLED_OUTPUTS))
        self.apply_theme(theme)

    def apply_theme(self, theme: Theme) -> None:
        apply_theme_to_plot(self.widget, theme)
        set_title_with_key(self.widget, _tr("D's outputs"), [
            (_tr("on real"), theme.real_color, False), (_tr("on fake"), theme.fake_color, False)],
            theme)
        for bars, color in ((self.real_bars, theme.real_color), (self.fake_bars, theme.fake_color)):
            fill = QColor(color)
            fill.setAlpha(90)
            bars.setPen(pen(color))
            bars.setBrush(fill)

    def show_outputs(self, real: np.ndarray | None, fake: np.ndarray | None) -> None:
        tallest = 0.0
        for bars, outputs in ((self.real_bars, real), (self.fake_bars, fake)):
            if outputs is not None:
                share = _share(outputs)
                bars.setData(BIN_EDGES, share)
                tallest = max(tallest, float(share.max()))
        # Nice steps (0.1, 0.2, 0.5, 1) keep the axis, and its costly text, mostly still.
        show_values_up_to(self.widget, max(tallest, 0.05))

    def remember(self, real: np.ndarray, fake: np.ndarray) -> None:
        """Adds one iteration's outputs to the pool that show_remembered() draws."""
        self._recent.append((real, fake))
        kept, count = [], 0
        for pair in reversed(self._recent):   # the newest batch always, older ones while room
            if kept and count + len(pair[0]) > POOLED_OUTPUTS:
                break
            kept.append(pair)
            count += len(pair[0])
        self._recent = kept[::-1]

    def show_remembered(self) -> None:
        if self._recent:
            self.show_outputs(np.concatenate([real for real, _ in self._recent]),
                              np.concatenate([fake for _, fake in self._recent]))

    def clear(self) -> None:
        self._recent = []
        self.real_bars.clear()
        self.fake_bars.clear()
        show_values_up_to(self.widget, None)   # the old run's axis goes too
