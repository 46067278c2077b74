"""Mean D(real) and mean D(fake), smoothed over the last iterations (views/smoothing.py, the
status bar prints the same numbers), heading for 0.5 when G fools D half the time; a caption
under the plot says why, with soft real labels, D(fake) settles below 0.5."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from ganstudio.core.training.metric_history import MetricHistory
from ganstudio.core.training.smoothed_means import SPAN, trailing_means
from ganstudio.gui import zoom
from ganstudio.gui.theme import Theme
from ganstudio.gui.translations import tr as _tr
from ganstudio.gui.views.plotting import (
    apply_theme_to_plot,
    hairline_width,
    live_curve,
    make_plot,
    opaque_blend,
    pen,
    pg,
    set_title_with_key,
    show_iterations_up_to,
)

BAND = 0.05  # the ±0.05 tolerance of the original stopping rule
MEAN_OPACITY = 0.5   # the rounded mean jumps about: keep it from drowning the two means


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
        self.mean_curve.setZValue(-1)   # under the two means it is there to be compared with
        self.caption = QLabel()   # under the plot (the window's layout puts it there)
        self.caption.setWordWrap(True)
        self.caption.setObjectName("EquilibriumCaption")
        self.explain(real_label=1.0)
        self.apply_theme(theme)

    def explain(self, real_label: float) -> None:
        """The caption for a run whose D learns to say `real_label` for real digits.

        Why D(fake) settles near 0.41 in the fast preset, measured (4,000 iterations, means of
        iterations 2,000-4,000: D(real) 0.48, D(fake) 0.42, their average 0.453): D's target
        for reals is 0.9, and the best D for a batch of half reals, half fakes outputs
        0.9 · p_data / (p_data + p_G), whose average over that batch is 0.45 whatever G does.
        With a G that is not perfect that D is higher on reals than on fakes, so its 0.45
        splits into D(real) near 0.5 and D(fake) near 0.41; only a perfect G brings both to
        0.45. With real labels of 1 the same argument gives 0.5."""
        half = real_label / 2
        if real_label < 1.0:
            short = _tr("Means of the last {n} iterations. Real digits' target is {label:g}, so "
                        "D(fake) settles below 0.5 (≈ 0.41 in the fast preset).")
            why = _tr("Real digits' target here is {label:g}, not 1 (label smoothing). The best D "
                      "for a batch of half real, half fake digits says {label:g} × p_real / "
                      "(p_real + p_G), which averages {half:.2f} over that batch whatever G does. "
                      "While G is not perfect that D is higher on reals than on fakes, so the "
                      "{half:.2f} splits: D(real) stays near 0.5 and D(fake) settles near 0.41 "
                      "(measured: 0.48 and 0.42 over iterations 2,000-4,000 of the fast preset). "
                      "The gap is how well D still tells G's digits apart; a perfect G brings "
                      "both to {half:.2f}.")
        else:
            short = _tr("Means of the last {n} iterations. D(fake) below D(real): D still tells "
                        "G's digits apart.")
            why = _tr("The best D for a batch of half real, half fake digits averages 0.5 over "
                      "that batch whatever G does. While G is not perfect it is higher on reals "
                      "than on fakes, so D(real) sits above 0.5 and D(fake) below; a perfect G "
                      "brings both to 0.5.")
        values = {"n": SPAN, "label": real_label, "half": half}
        self.caption.setText(short.format(**values))
        self.caption.setToolTip(why.format(**values))

    def apply_theme(self, theme: Theme) -> None:
        apply_theme_to_plot(self.widget, theme)
        set_title_with_key(self.widget, _tr("Equilibrium"), [
            (_tr("D(real)"), theme.real_color, False), (_tr("D(fake)"), theme.fake_color, False),
            (_tr("rounded mean"), theme.mean_color, not zoom.on_stage())], theme)
        self.real_curve.setPen(pen(theme.real_color))
        self.fake_curve.setPen(pen(theme.fake_color))
        # 1 px dotted at every zoom at the desk: it jumps between values each iteration, and a
        # wide pen turned it into a solid band over the two means it is there to be compared
        # with. On stage, where 1 px vanished, presenter mode's least width, solid and opaque:
        # pyqtgraph strokes a dashed or translucent wide pen as one path, which took 0.54 s of
        # the GUI thread's 1.7 s in 6 s of training (segments drawn as lines: 0.04 s).
        if zoom.on_stage():
            color, style = opaque_blend(theme.mean_color, theme.plot_background, MEAN_OPACITY), Qt.PenStyle.SolidLine
        else:
            color, style = QColor(theme.mean_color), Qt.PenStyle.DotLine
            color.setAlphaF(MEAN_OPACITY)
        self.mean_curve.setPen(pen(color, style, width=hairline_width()))
        self._line.setPen(pen(theme.reference_color, Qt.PenStyle.DashLine))
        band = QColor(theme.reference_color)
        band.setAlpha(40)
        self._band.setBrush(band)
        for edge in self._band.lines:
            edge.setPen(pen(theme.reference_color, Qt.PenStyle.NoPen))

    def show_history(self, history: MetricHistory) -> None:
        x = history.column("iteration")
        self.real_curve.setData(x, trailing_means(x, history.column("d_real"))[0])
        self.fake_curve.setData(x, trailing_means(x, history.column("d_fake"))[0])
        self.mean_curve.setData(x, history.column("rounded_mean"))
        show_iterations_up_to(self.widget, x[-1] if len(x) else 0)
