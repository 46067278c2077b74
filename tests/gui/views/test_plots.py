"""The live plots: axes that move in nice steps without flapping, and one paint per refresh."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from ganstudio.core.training.metric_history import MetricHistory
from ganstudio.gui.theme import THEMES
from ganstudio.gui.views.loss_plot import LossPlot
from ganstudio.gui.views.output_histogram import OutputHistogram
from ganstudio.gui.views.plotting import nice_ceiling, sticky_ceiling


def test_nice_ceilings():
    assert [nice_ceiling(v) for v in (0.07, 0.2, 0.21, 3.0, 7.5, 10.0)] == [0.1, 0.2, 0.5, 5.0, 10.0, 10.0]


def test_a_range_grows_at_once_but_shrinks_only_well_inside_the_smaller_one():
    assert sticky_ceiling(0.6, 0.5) == 1.0          # grows at once
    assert sticky_ceiling(0.19, 0.5) == 0.5         # near the 0.2 step: stays put
    assert sticky_ceiling(0.15, 0.5) == 0.2         # well inside: shrinks
    # A value wandering across a step flips a plain nice_ceiling at every refresh, not this one.
    wandering = [0.19, 0.21, 0.18, 0.22, 0.19, 0.21]
    tops, top = [], 0.5
    for value in wandering:
        top = sticky_ceiling(value, top)
        tops.append(top)
    assert len({nice_ceiling(v) for v in wandering}) == 2 and set(tops) == {0.5}


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def history_of(n: int, rng) -> MetricHistory:
    history = MetricHistory()
    history.load({"iteration": list(range(1, n + 1)), "d_real": list(rng.random(n)),
                  "d_fake": list(rng.random(n)), "rounded_mean": list(rng.random(n)),
                  "d_loss": list(1 + rng.random(n)), "g_loss": list(1 + 2 * rng.random(n))})
    return history


@pytest.mark.parametrize("kind", ["losses", "outputs"])
def test_a_refresh_that_moves_the_axes_paints_the_plot_once(qtbot, kind):
    plot = LossPlot(THEMES["dark"]) if kind == "losses" else OutputHistogram(THEMES["dark"])
    qtbot.addWidget(plot.widget)
    plot.widget.resize(400, 250)
    plot.widget.show()
    qtbot.waitExposed(plot.widget)
    counter = PaintCounter()
    plot.widget.viewport().installEventFilter(counter)
    rng = np.random.default_rng(0)
    paints = []
    for step, size in enumerate((50, 400, 3000, 20000)):   # each moves the x and y ranges
        if kind == "losses":
            plot.show_history(history_of(size, rng))
        else:   # outputs bunched ever more tightly: a taller tallest bar each time
            spread = 0.5 / (step + 1)
            plot.show_outputs(rng.random(64) * spread, rng.random(64) * spread + 0.5)
        before = counter.count
        qtbot.waitUntil(lambda: counter.count > before)
        for _ in range(5):   # anything the paint left for later
            QApplication.processEvents()
        paints.append(counter.count - before)
    assert paints == [1, 1, 1, 1]


def test_a_title_too_wide_for_its_plot_puts_the_key_on_a_second_line(qtbot):
    from ganstudio.gui.views.equilibrium_plot import EquilibriumPlot

    plot = EquilibriumPlot(THEMES["dark"])
    qtbot.addWidget(plot.widget)
    title = plot.widget.getPlotItem().titleLabel
    plot.widget.show()
    qtbot.waitExposed(plot.widget)
    plot.widget.resize(700, 300)
    assert "<br>" not in title.text and "rounded mean" in title.text
    one_line_height = title.item.boundingRect().height()
    plot.widget.resize(300, 300)             # clipped to "rounded mea" before
    assert "<br>" in title.text and "rounded mean" in title.text
    assert title.item.boundingRect().height() > 1.5 * one_line_height
    # The whole key fits across the narrow plot now.
    assert title.item.boundingRect().width() < 300 - plot.widget.getPlotItem().getAxis("left").width()
    plot.widget.resize(230, 300)             # narrower still: the key takes two lines
    QApplication.processEvents()
    assert title.text.count("<br>") == 2 and "<br><br>" not in title.text
    view_box = plot.widget.getPlotItem().getViewBox()
    assert title.item.boundingRect().width() <= view_box.width()
    # The plot shrank with the widget (an old, wider title kept it 314 px wide inside 300).
    assert view_box.mapRectToScene(view_box.boundingRect()).right() <= plot.widget.width()
    assert title.geometry().height() >= title.item.boundingRect().height() - 1  # 3 lines, uncut
    plot.widget.resize(700, 300)
    assert "<br>" not in title.text


def test_the_histogram_pools_recent_small_batches_and_shows_a_large_one_alone(qtbot):
    from ganstudio.gui.views.output_histogram import POOLED_OUTPUTS

    histogram = OutputHistogram(THEMES["dark"])
    qtbot.addWidget(histogram.widget)
    rng = np.random.default_rng(0)
    for i in range(40):                       # fast's batches of 32, the newest nearest 1
        histogram.remember(rng.random(32) * 0.1 + i / 40 * 0.9, rng.random(32) * 0.1)
    histogram.show_remembered()
    pooled = sum(len(real) for real, _ in histogram._recent)
    assert pooled == POOLED_OUTPUTS           # 16 batches, not one comb of 32 outputs
    assert histogram._recent[-1][0].min() >= 39 / 40 * 0.9   # the newest is in
    _, share = histogram.real_bars.getData()
    assert abs(share.sum() - 1.0) < 1e-9 and (share > 0).sum() > 10
    histogram.remember(rng.random(1000), rng.random(1000))   # the classic algorithm's 1000
    assert len(histogram._recent) == 1
    histogram.clear()
    histogram.show_remembered()               # nothing remembered: nothing drawn, no error
    assert histogram.real_bars.getData()[0] is None


def test_a_rollback_keeps_the_runaway_on_the_loss_plot_dashed_with_a_line(qapp):
    from ganstudio.core.training.stopping import DIVERGED, StopReason
    from ganstudio.gui.training.controller import runaway_segment

    full = MetricHistory()
    for i in range(1, 101):   # sane losses, then from 61 on G's loss runs away to 2,000
        full.append((i, 0.5, 0.4, 0.5, 0.7, 0.7 if i <= 60 else 2000.0 * (i - 60) / 40))
    kept = MetricHistory()
    kept.load(full)
    kept.truncate(40)         # the session went back to iteration 40
    plot = LossPlot(THEMES["dark"])
    # G's loss at 101 ran past the limit: the session went back to 40 before logging it.
    reason = StopReason(DIVERGED, {"failed_at": 101, "restored": 40, "criterion": "loss",
                                   "name": "g_loss", "value": 5000.0})
    plot.show_history(kept, runaway_segment(full, reason))
    x, g = plot.g_runaway.getData()
    assert x[0] == 41 and x[-1] == 101 and g[-2] == 2000.0 and g[-1] == 5000.0   # still there
    assert plot.d_runaway.getData()[0][-1] == 100
    assert plot.g_curve.getData()[0][-1] == 40                 # the kept curve ends where it went back
    assert plot.g_runaway.opts["pen"].style() != plot.g_curve.opts["pen"].style()   # dashed
    assert plot.rollback.isVisible() and plot.rollback.value() == 40
    assert "went back\nto 40" in plot.rollback.label.toPlainText()
    assert list(zip(*plot.failure_mark.getData())) == [(101, 5000.0)]   # the runaway, marked
    view = plot.widget.getPlotItem().getViewBox().viewRange()
    assert view[0][1] >= 101 and view[1][1] >= 5000             # seen, not off the plot
    plot.show_history(kept, None)                               # a new run: gone
    assert not plot.rollback.isVisible() and plot.g_runaway.getData()[0] is None
