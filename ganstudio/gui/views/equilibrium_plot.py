"""Mean D(real) and mean D(fake) per iteration, heading for 0.5 when G fools D half the time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ganstudio.gui.theme import Theme
from ganstudio.gui.training.metric_history import MetricHistory
from ganstudio.gui.translations import tr as _tr
from ganstudio.gui.views.plotting import (
    apply_theme_to_plot,
    live_curve,
    make_plot,
    pen,
    pg,
    set_title_with_key,
    show_iterations_up_to,
)

BAND = 0.05  # the ±0.05 tolerance of the original stopping rule


class EquilibriumPlot:
    def __init__(self, theme: Theme) -> None:
        self.widget = make_plot(_tr("Equilibrium"), _tr("iteration"), _tr("mean D(x)"))
        item = self.widget.getPlotItem()
        item.setYRange(0.0, 1.0, padding=0.02)
        show_iterations_up_to(self.widget, 0)
        item.getViewBox().setLimits(yMin=-0.05, yMax=1.05)
        self._band = pg.LinearRegionItem((0.5 - BAND, 0.5 + BAND), orientation="horizontal",
                                         movable=False)
        self._line = pg.InfiniteLine(0.5, angle=0)
        item.addItem(self._band)
        item.addItem(self._line)
        self.real_curve = live_curve(self.widget)
        self.fake_curve = live_curve(self.widget)
        self.mean_curve = live_curve(self.widget)
        self.apply_theme(theme)

    def apply_theme(self, theme: Theme) -> None:
        apply_theme_to_plot(self.widget, theme)
        set_title_with_key(self.widget, _tr("Equilibrium"), [
            (_tr("D(real)"), theme.real_color, False), (_tr("D(fake)"), theme.fake_color, False),
            (_tr("rounded mean"), theme.mean_color, True)], theme)
        self.real_curve.setPen(pen(theme.real_color))
        self.fake_curve.setPen(pen(theme.fake_color))
        faint = QColor(theme.mean_color)
        faint.setAlpha(130)   # the rounded mean jumps about: keep it from drowning the means
        self.mean_curve.setPen(pen(faint, Qt.PenStyle.DotLine))
        self._line.setPen(pen(theme.reference_color, Qt.PenStyle.DashLine))
        band = QColor(theme.reference_color)
        band.setAlpha(40)
        self._band.setBrush(band)
        for edge in self._band.lines:
            edge.setPen(pen(theme.reference_color, Qt.PenStyle.NoPen))

    def show_history(self, history: MetricHistory) -> None:
        x = history.column("iteration")
        self.real_curve.setData(x, history.column("d_real"))
        self.fake_curve.setData(x, history.column("d_fake"))
        self.mean_curve.setData(x, history.column("rounded_mean"))
        show_iterations_up_to(self.widget, x[-1] if len(x) else 0)
