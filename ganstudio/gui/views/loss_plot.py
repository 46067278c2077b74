"""The discriminator's and the generator's losses per iteration."""

from __future__ import annotations

import numpy as np

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
        self.apply_theme(theme)

    def apply_theme(self, theme: Theme) -> None:
        apply_theme_to_plot(self.widget, theme)
        set_title_with_key(self.widget, _tr("Losses"), [
            (_tr("D"), theme.real_color, False), (_tr("G"), theme.fake_color, False)], theme)
        self.d_curve.setPen(pen(theme.real_color))
        self.g_curve.setPen(pen(theme.fake_color))

    def show_history(self, history: MetricHistory) -> None:
        x = history.column("iteration")
        self.d_curve.setData(x, history.column("d_loss"))
        self.g_curve.setData(x, history.column("g_loss"))
        show_iterations_up_to(self.widget, x[-1] if len(x) else 0)
        # The y axis moves in nice steps only, and follows the recent losses, not early spikes.
        recent = [history.column(name)[-500:] for name in ("d_loss", "g_loss")]
        finite = np.concatenate(recent) if len(x) else np.zeros(0)
        finite = finite[np.isfinite(finite)]
        show_values_up_to(self.widget, float(finite.max()) * 1.05 if finite.size else None)
