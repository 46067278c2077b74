"""The discriminator's and the generator's losses per iteration. After a divergence the
session goes back to a good state and the history with it; the iterations it undid stay on the
plot, dashed and faded, with a line where training went back: the runaway is the story."""

from __future__ import annotations

import numpy as np
from pyqtgraph import InfiniteLine, ScatterPlotItem
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ganstudio.core.training.metric_history import MetricHistory
from ganstudio.gui.theme import Theme
from ganstudio.gui.translations import tr as _tr
from ganstudio.gui.views.plotting import (
    apply_theme_to_plot,
    live_curve,
    make_plot,
    pen,
    set_title_with_key,
    show_iterations_up_to,
    show_values_up_to,
)


class LossPlot:
    def __init__(self, theme: Theme) -> None:
        self.widget = make_plot(_tr("Losses"), _tr("iteration"), _tr("loss"))
        self.d_curve = live_curve(self.widget)
        self.g_curve = live_curve(self.widget)
        self.d_runaway = live_curve(self.widget)
        self.g_runaway = live_curve(self.widget)
        self.rollback = InfiniteLine(angle=90, movable=False, label="",
                                     labelOpts={"position": 0.9, "anchors": [(1, 0), (1, 0)]})
        self.rollback.hide()
        self.widget.addItem(self.rollback)
        self.failure_mark = ScatterPlotItem(symbol="x", size=14)
        self.widget.addItem(self.failure_mark)
        self.apply_theme(theme)

    def apply_theme(self, theme: Theme) -> None:
        apply_theme_to_plot(self.widget, theme)
        set_title_with_key(self.widget, _tr("Losses"), [
            (_tr("D"), theme.real_color, False), (_tr("G"), theme.fake_color, False)], theme)
        self.d_curve.setPen(pen(theme.real_color))
        self.g_curve.setPen(pen(theme.fake_color))
        for curve, color in ((self.d_runaway, theme.real_color), (self.g_runaway, theme.fake_color)):
            curve.setPen(pen(_faded(color), Qt.PenStyle.DashLine))
        self.rollback.setPen(pen(theme.reference_color, Qt.PenStyle.DashLine))
        self.rollback.label.setColor(theme.plot_foreground)
        self.failure_mark.setPen(pen(theme.fake_color))
        self.failure_mark.setBrush(QColor(theme.fake_color))

    def show_history(self, history: MetricHistory, runaway: dict | None = None) -> None:
        x = history.column("iteration")
        self.d_curve.setData(x, history.column("d_loss"))
        self.g_curve.setData(x, history.column("g_loss"))
        undone = self._show_runaway(runaway)
        undone_x = np.concatenate([undone_x for undone_x, _ in undone])
        show_iterations_up_to(self.widget, max(x[-1] if len(x) else 0,
                                               undone_x.max() if len(undone_x) else 0))
        # The y axis moves in nice steps only, and follows the recent losses, not early spikes;
        # the runaway's losses count, or it would run off the top of the plot unseen.
        recent = [history.column(name)[-500:] for name in ("d_loss", "g_loss")]
        recent += [values for _, values in undone]
        finite = np.concatenate(recent)
        finite = finite[np.isfinite(finite)]
        show_values_up_to(self.widget, float(finite.max()) * 1.05 if finite.size else None)

    def _show_runaway(self, runaway: dict | None) -> list[tuple[np.ndarray, np.ndarray]]:
        """The undone iterations' losses, dashed, and the rollback line; nothing without one.
        Returns the (iterations, losses) shown, D's then G's."""
        empty = (np.zeros(0), np.zeros(0))
        if runaway is None:
            self.rollback.hide()
            shown = [empty, empty]
        else:
            self.rollback.setPos(runaway["restored"])
            self.rollback.show()   # first: a hidden line's label does not take new text
            self.rollback.label.setFormat(_tr("went back\nto {n:,}").format(n=runaway["restored"]))
            shown = [runaway["d_loss"], runaway["g_loss"]]
        for curve, (xs, ys) in zip((self.d_runaway, self.g_runaway), shown):
            curve.setData(xs, ys)
        # The loss that ran away is one point, far above the rest: a cross marks it.
        ends = [(xs[-1], ys[-1]) for xs, ys in shown if len(xs) and np.isfinite(ys[-1])]
        peak = max(ends, key=lambda end: end[1]) if ends else None
        self.failure_mark.setData([peak[0]] if peak else [], [peak[1]] if peak else [])
        return shown


def _faded(color: str) -> QColor:
    faded = QColor(color)
    faded.setAlpha(110)
    return faded
