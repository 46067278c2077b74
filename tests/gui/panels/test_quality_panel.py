"""The "What is G drawing?" chart and the metrics panel, offscreen."""

import numpy as np
import pytest
from PySide6 import QtCore  # noqa: F401  (before pyqtgraph, via the panel)

from ganstudio.core.errors import DataError
from ganstudio.gui.panels.quality_panel import ClassCoverageChart, QualityMetricsPanel, QualityPanel


def digits_of(dataset, digit, n=100):
    return dataset.images[dataset.labels == digit][:n]


@pytest.fixture
def chart(qtbot):
    widget = ClassCoverageChart()
    qtbot.addWidget(widget)
    yield widget
    widget.shutdown()


@pytest.fixture
def panel(qtbot):
    widget = QualityMetricsPanel(parzen_centres=300)
    qtbot.addWidget(widget)
    yield widget
    widget.shutdown()


def test_chart_shows_a_collapse_onto_one_digit(chart, qtbot, bundled_held_out):
    with qtbot.waitSignal(chart.judged, timeout=20000) as signal:
        chart.show_samples(digits_of(bundled_held_out, 3))
    report = signal.args[0]
    assert report.digit_shares[3] > 0.9
    assert report.kinds <= 2      # the judge reads 3 of these 3s as 5s
    assert report.kl > 1.5
    np.testing.assert_allclose(chart.bars.opts["height"], report.digit_shares)
    assert f"Kinds of digit: {report.kinds}/10" in chart.readout.text()


def test_noise_makes_no_digit_bar_only_the_grey_none_bar(chart, qtbot):
    # Iteration 0, strong-D's grey squares, the collapse scenario's noise: the judge names a
    # digit for each, but none looks like a digit, so no digit gets a bar.
    noise = np.random.default_rng(1).integers(0, 256, size=(100, 28, 28), dtype=np.uint8)
    grey = np.full((100, 28, 28), 128, np.uint8)
    for images in (noise, grey):
        with qtbot.waitSignal(chart.judged, timeout=20000) as signal:
            chart.show_samples(images)
        assert signal.args[0].histogram.max() > 0.3        # what the judge names
        assert not np.any(chart.bars.opts["height"])
        assert list(chart.no_digit_bar.opts["height"]) == [1.0]
        assert "Kinds of digit: 0/10" in chart.readout.text()


def test_chart_judges_at_most_100_samples_and_shows_coverage(chart, qtbot, bundled_held_out):
    with qtbot.waitSignal(chart.judged, timeout=20000) as signal:
        chart.show_samples(bundled_held_out.images[:500])
    assert signal.args[0].n == 100
    assert signal.args[0].kinds == 10
    assert "Kinds of digit: 10/10" in chart.readout.text()
    assert signal.args[0].unlike_share <= 0.05          # real digits are digit-like
    assert f"Not digit\u2011like: {signal.args[0].unlike_share:.0%}" in chart.readout.text()


def test_chart_keeps_only_the_newest_waiting_samples(chart, qtbot, bundled_held_out):
    reports = []
    chart.judged.connect(reports.append)
    for digit in (1, 4, 7):  # the 4s arrive while the 1s are judged and are replaced by the 7s
        chart.show_samples(digits_of(bundled_held_out, digit))
    qtbot.waitUntil(lambda: not chart.busy and reports and reports[-1].digit_shares[7] > 0.9,
                    timeout=20000)
    assert len(reports) <= 2
    assert reports[0].histogram[1] > 0.9


def test_chart_clear_resets_the_bars(chart, qtbot, bundled_held_out):
    with qtbot.waitSignal(chart.judged, timeout=20000):
        chart.show_samples(digits_of(bundled_held_out, 5))
    chart.clear()
    assert chart.report is None
    assert not np.any(chart.bars.opts["height"]) and not any(chart.no_digit_bar.opts["height"])


def test_evaluate_now_fills_the_panel_off_the_gui_thread(panel, qtbot, bundled_held_out):
    assert not panel.evaluate_action.isEnabled()  # nothing to sample from yet
    asked = []

    def source(count):
        asked.append(count)
        return np.resize(bundled_held_out.images, (count, 28, 28))

    panel.set_sample_source(source)
    with qtbot.waitSignal(panel.evaluated, timeout=60000) as signal:
        panel.evaluate_action.trigger()
        assert not panel.evaluate_action.isEnabled()  # one evaluation at a time
    report = signal.args[0]
    assert asked == [1000]
    assert report.classes.n == 1000 and report.parzen.n_centres == 300
    assert panel.values["kinds"].text() == "10/10"
    assert panel.values["unlike"].text() == f"{report.classes.unlike_share:.1%}"
    assert f"{report.frechet.distance:.2f}" in panel.values["frechet"].text()
    assert "±" in panel.values["parzen"].text()
    assert panel.evaluate_action.isEnabled()


def test_a_failing_sample_source_is_reported_not_raised(panel, qtbot):
    def broken(count):
        raise DataError("checkpoint.npz: truncated")

    panel.set_sample_source(broken)
    with qtbot.waitSignal(panel.failed, timeout=5000) as signal:
        panel.evaluate_action.trigger()
    assert "truncated" in signal.args[0]
    assert "truncated" in panel.status.text()
    assert panel.evaluate_action.isEnabled()


def test_a_failing_evaluation_is_reported(panel, qtbot):
    with qtbot.waitSignal(panel.failed, timeout=20000) as signal:
        panel.evaluate_images(np.zeros((1, 28, 28), np.uint8))  # too few for a covariance
    assert "Fréchet" in signal.args[0] or "two samples" in signal.args[0]


def test_combined_panel_forwards_samples(qtbot, bundled_held_out):
    widget = QualityPanel(parzen_centres=0)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.coverage.judged, timeout=20000):
        widget.show_samples(digits_of(bundled_held_out, 0))
    assert widget.coverage.report.histogram[0] > 0.9
    widget.shutdown()


def test_the_numbers_get_their_whole_height_and_scroll_only_when_the_dock_is_short(qtbot):
    panel = QualityPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    scroll = panel.metrics.parentWidget().parentWidget()
    panel.resize(270, 800)                    # the dock at 1440 x 900
    qtbot.waitUntil(lambda: scroll.height() > 0)
    needed = panel.metrics.heightForWidth(scroll.viewport().width())
    assert scroll.verticalScrollBar().maximum() == 0 and scroll.height() >= needed
    assert panel.coverage.height() > 300      # the chart has the rest
    panel.resize(270, 420)                    # short: the numbers scroll, nothing overlaps
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)
    assert panel.metrics.height() >= panel.metrics.heightForWidth(panel.metrics.width()) - 1
