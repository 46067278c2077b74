"""Reset clears every view of the old run: D's histogram, the class chart, the "Evaluate now"
numbers, the plots, the stage list, the status line and the message bar."""

from __future__ import annotations

import numpy as np

from ganstudio.gui.training.controller import State

from support.gui import iterations_so_far


def test_reset_clears_every_view_of_the_old_run(make_window, qtbot, bundled_held_out):
    window = make_window()
    view, quality, status = window.view, window.quality_panel, window.status
    names = window.controller.session.stage_names
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: iterations_so_far(window) >= 5
                    and view.outputs.real_bars.yData is not None
                    and quality.coverage.report is not None, timeout=30_000)
    window.actions.start_pause.trigger()
    window.actions.step_stage.trigger()
    qtbot.waitUntil(lambda: window.stages.current == names[0], timeout=10_000)
    # "Evaluate now" on real digits (fast; the numbers are what matters here).
    metrics = quality.metrics
    with qtbot.waitSignal(metrics.evaluated, timeout=60_000):
        metrics.evaluate_images(bundled_held_out.images[:200])
    assert metrics.values["kinds"].text() != "–"
    window.show_error("Training diverged at iteration 3")
    assert not window.message_bar.isHidden()

    window.actions.reset.trigger()

    assert window.controller.state is State.IDLE
    assert view.outputs.real_bars.yData is None and view.outputs.fake_bars.yData is None
    assert view.outputs.widget.getPlotItem().getViewBox().viewRange()[1] == [0.0, 1.0]
    for curve in (view.equilibrium.real_curve, view.equilibrium.fake_curve, view.losses.d_curve):
        assert curve.xData is None or len(curve.xData) == 0
    assert metrics.report is None and metrics.status.text() == "Not evaluated yet."
    assert {label.text() for label in metrics.values.values()} == {"–"}
    assert metrics.evaluate_action.isEnabled()
    assert quality.coverage.report is None or quality.coverage.report.n == 100
    assert window.stages.current is None
    assert status.iteration.text() == "iteration 0"
    assert status.means.text() == "D(real) —  D(fake) —"
    assert status.rate.text() == "— it/s"
    assert status.state.text() == "Ready: press Space to start"
    # The old run's error is gone; what the bar says now is how to bring that run back.
    bar = window.message_bar
    assert bar.info and "diverged" not in bar.label.text() and "Ctrl+Z" in bar.label.text()


def test_the_class_chart_after_reset_judges_the_fresh_generator_only(make_window, qtbot):
    window = make_window()
    chart = window.quality_panel.coverage
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: iterations_so_far(window) >= 5
                    and window.view.outputs.real_bars.yData is not None, timeout=30_000)
    window.actions.reset.trigger()                  # while running
    assert window.view.outputs.real_bars.yData is None
    assert chart.report is None and not np.any(chart.bars.opts["height"])   # nothing stale
    judged = []
    chart.judged.connect(judged.append)
    qtbot.waitUntil(lambda: not chart.busy and chart.report is not None, timeout=30_000)
    # The report shown is of the new session's own samples (the same every time).
    from ganstudio.core.quality.evaluation import class_report

    expected = class_report(window.controller.session.sample()[:100])
    np.testing.assert_allclose(chart.report.histogram, expected.histogram)
    assert judged and judged[-1] is chart.report


def test_an_evaluation_running_at_reset_never_shows_its_old_numbers(make_window, qtbot,
                                                                   bundled_held_out):
    window = make_window()
    metrics = window.quality_panel.metrics
    metrics.evaluate_images(bundled_held_out.images[:200])
    window.actions.reset.trigger()                  # while the old run's samples are judged
    qtbot.waitUntil(lambda: not metrics.busy, timeout=60_000)
    assert metrics.report is None and metrics.values["kinds"].text() == "–"
    # And it can evaluate again at once.
    with qtbot.waitSignal(metrics.evaluated, timeout=60_000):
        metrics.evaluate_images(bundled_held_out.images[:200])
    assert metrics.values["kinds"].text() != "–"
