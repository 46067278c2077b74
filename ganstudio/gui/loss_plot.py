"""The discriminator's and the generator's losses per iteration."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ganstudio.gui.metric_history import MetricHistory
from ganstudio.gui.plotting import add_legend, apply_theme_to_plot, make_plot, pen
from ganstudio.gui.theme import Theme


def _tr(text: str) -> str:
    return QCoreApplication.translate("LossPlot", text)


class LossPlot:
    def __init__(self, theme: Theme) -> None:
        self.widget = make_plot(_tr("Losses"), _tr("iteration"), _tr("loss"))
        item = self.widget.getPlotItem()
        add_legend(self.widget)
        self.d_curve = item.plot(name=_tr("D loss"))
        self.g_curve = item.plot(name=_tr("G loss"))
        self.apply_theme(theme)

    def apply_theme(self, theme: Theme) -> None:
        apply_theme_to_plot(self.widget, theme)
        self.d_curve.setPen(pen(theme.real_color))
        self.g_curve.setPen(pen(theme.fake_color))

    def show_history(self, history: MetricHistory) -> None:
        x = history.column("iteration")
        self.d_curve.setData(x, history.column("d_loss"))
        self.g_curve.setData(x, history.column("g_loss"))
