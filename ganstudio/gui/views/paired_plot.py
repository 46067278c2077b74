"""Compare mode's one plot: both runs' mean D(real) (solid) and D(fake) (dashed), smoothed as the
equilibrium plot smooths them, each run in its own colour; the title's key names the two runs.
The x axis runs to the further run's iteration, so a fast run and a slow one share it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ganstudio.core.training.metric_history import MetricHistory
from ganstudio.core.training.smoothed_means import trailing_means
from ganstudio.gui.theme import Theme
from ganstudio.gui.translations import tr as _tr
from ganstudio.gui.views.equilibrium_plot import BAND
from ganstudio.gui.views.plotting import (
    apply_theme_to_plot,
    live_curve,
    make_plot,
    pen,
    pg,
    set_title_with_key,
    show_iterations_up_to,
)

RUNS = 2


class PairedEquilibriumPlot:
    def __init__(self, theme: Theme) -> None:
        self.widget = make_plot(_tr("D's verdicts, both runs"), _tr("iteration"), _tr("mean D(x)"))
        item = self.widget.getPlotItem()
        item.setYRange(0.0, 1.0, padding=0.02)
        item.getViewBox().setLimits(yMin=-0.05, yMax=1.05)
        self._band = pg.LinearRegionItem((0.5 - BAND, 0.5 + BAND), orientation="horizontal", movable=False)
        item.addItem(self._band)
        self.real_curves = [live_curve(self.widget) for _ in range(RUNS)]
        self.fake_curves = [live_curve(self.widget) for _ in range(RUNS)]
        self.labels = [_tr("run 1"), _tr("run 2")]
        self._last = [0.0] * RUNS
        self._theme = theme
        self.apply_theme(theme)

    def name_runs(self, labels: list[str]) -> None:
        """The two runs' names, for the key."""
        self.labels = list(labels)
        self.apply_theme(self._theme)

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        apply_theme_to_plot(self.widget, theme)
        key = [(label, color, False) for label, color in zip(self.labels, theme.run_colors)]
        key += [(_tr("D(real)"), theme.plot_foreground, False), (_tr("D(fake)"), theme.plot_foreground, True)]
        set_title_with_key(self.widget, _tr("D's verdicts, both runs"), key, theme)
        for run, color in enumerate(theme.run_colors):
            self.real_curves[run].setPen(pen(color))
            self.fake_curves[run].setPen(pen(color, Qt.PenStyle.DashLine))
        band = pg.mkColor(theme.reference_color)
        band.setAlpha(40)
        self._band.setBrush(band)
        for edge in self._band.lines:
            edge.setPen(pen(theme.reference_color, Qt.PenStyle.NoPen))

    def show_history(self, run: int, history: MetricHistory) -> None:
        x = history.column("iteration")
        self.real_curves[run].setData(x, trailing_means(x, history.column("d_real"))[0])
        self.fake_curves[run].setData(x, trailing_means(x, history.column("d_fake"))[0])
        self._last[run] = float(x[-1]) if len(x) else 0.0
        show_iterations_up_to(self.widget, max(self._last))
