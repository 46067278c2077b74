"""One truth on screen: the status bar prints the smoothed D means the equilibrium plot ends on,
says they are smoothed, never shows nan; the caption under the plot says why D(fake) settles
below 0.5."""

from __future__ import annotations

import numpy as np

from ganstudio.core.training.metric_history import MetricHistory
from ganstudio.core.training.smoothed_means import SPAN, latest_means, trailing_means

from support.gui import iterations_so_far


def test_trailing_means_are_the_means_of_the_last_span_iterations():
    rng = np.random.default_rng(3)
    iterations = np.arange(1, 301, dtype=np.float64)
    values = rng.random(300)
    values[[10, 200]] = np.nan                      # left out, not poisoning the window
    means, counts = trailing_means(iterations, values, span=50)
    for i in (0, 9, 10, 49, 120, 210, 299):
        window = values[max(0, i - 49):i + 1]
        np.testing.assert_allclose(means[i], np.nanmean(window))
        assert counts[i] == np.isfinite(window).sum()


def test_a_bin_of_old_iterations_counts_as_the_iterations_it_holds():
    # Rows at iterations 4 and 8 hold the means of 4 iterations each, then single iterations.
    iterations = np.array([4.0, 8.0, 9.0, 10.0])
    values = np.array([0.2, 0.4, 1.0, 1.0])
    means, counts = trailing_means(iterations, values, span=6)
    assert counts[-1] == 6 and np.isclose(means[-1], (4 * 0.4 + 2 * 1.0) / 6)
    assert counts[1] == 8 and np.isclose(means[1], 0.3)


def test_latest_means_equal_the_whole_curve_s_last_point_in_a_long_thinned_history():
    history = MetricHistory()
    rng = np.random.default_rng(0)
    for i in range(1, 12_000):
        history.append([i, rng.random(), 0.5 * rng.random(), 0.5, 1.0, 1.0])
    assert history.thinned_rows > 0
    x = history.column("iteration")
    real, fake, count = latest_means(history)
    assert count == SPAN
    np.testing.assert_allclose(real, trailing_means(x, history.column("d_real"))[0][-1])
    np.testing.assert_allclose(fake, history.column("d_fake")[-SPAN:].mean())
    assert latest_means(MetricHistory()) is None


def test_the_status_bar_prints_the_plot_s_smoothed_means_and_says_so(make_window, qtbot):
    window = make_window()
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: iterations_so_far(window) >= SPAN + 20, timeout=60_000)
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: window.controller.last_progress.paused, timeout=10_000)
    plot = window.view.equilibrium
    real, fake = plot.real_curve.yData[-1], plot.fake_curve.yData[-1]
    assert plot.real_curve.xData[-1] == window.controller.session.iteration
    text = window.status.means.text()
    # The span is in the tooltip: in the text it pushed the data field under the means (issue 20).
    assert text == f"D(real) ≈ {real:.2f}  D(fake) ≈ {fake:.2f}"
    # Not the last batch alone (what the status bar printed before).
    history = window.controller.history
    assert np.isclose(real, np.mean(history.column("d_real")[-SPAN:]))
    assert f"last {SPAN} iterations" in window.status.means.toolTip()


def test_no_nan_mid_iteration_in_a_stepped_run(make_window, qtbot):
    window = make_window()
    window.actions.step_stage.trigger()             # inside the first iteration
    qtbot.waitUntil(lambda: window.controller.last_progress is not None, timeout=10_000)
    assert np.isnan(window.controller.last_progress.d_real)   # D has judged nothing yet
    assert window.status.means.text() == "D(real) —  D(fake) —"
    for expected in (1, 2, 3):                       # the first ends the stepped iteration
        window.actions.step.trigger()
        qtbot.waitUntil(lambda: iterations_so_far(window) == expected, timeout=10_000)
    window.actions.step_stage.trigger()             # inside the fourth
    names = window.controller.session.stage_names
    qtbot.waitUntil(lambda: window.stages.current in names, timeout=10_000)
    real, fake, count = latest_means(window.controller.history)
    assert count == 3
    assert window.status.means.text() == f"D(real) ≈ {real:.2f}  D(fake) ≈ {fake:.2f}"
    assert "last 3 iterations" in window.status.means.toolTip()


def test_the_caption_says_why_d_fake_settles_below_one_half(make_window):
    from ganstudio.core.config.overrides import with_overrides

    from support.gui import TINY_CONFIG

    window = make_window()                          # the fast preset's real labels: 0.9
    caption = window.view.equilibrium.caption
    assert caption.isVisible()
    assert "0.9" in caption.text() and "0.41" in caption.text() and "last 50" in caption.text()
    assert "0.45" in caption.toolTip()
    window.hyperparameters.set_config(with_overrides(TINY_CONFIG, {"d_real_label": 1.0}),
                                      applied=False)
    window.actions.reset.trigger()
    assert "0.41" not in caption.text() and "0.5" in caption.toolTip()
