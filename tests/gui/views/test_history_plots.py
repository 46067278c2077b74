"""The window's history is the session's bounded one: a window left running for hours holds a
fixed number of points, its plots draw the thinned curve, and a damaged history in a checkpoint
is a message, not a traceback."""

from __future__ import annotations

import json

import numpy as np

from ganstudio.core.formats.run_outputs import write_metrics_csv
from ganstudio.core.training.metric_history import CHUNK, MAX_BINS, RECENT, MetricHistory
from ganstudio.core.training.session import Progress
from ganstudio.gui.theme import THEMES

from support.gui import TINY_CONFIG


def records(first: int, count: int) -> list[Progress]:
    return [Progress(iteration=i, d_real=0.5 + 0.4 / i, d_fake=0.5 - 0.4 / i, rounded_mean=0.5,
                     d_loss=1.0 + 1.0 / i, g_loss=2.0, steps_per_sec=300.0)
            for i in range(first, first + count)]


def test_the_windows_history_is_the_core_one_and_stays_bounded():
    history = MetricHistory()
    for start in range(1, 60_001, 500):   # drains of 500 records, as at full speed
        batch = records(start, 500)
        history.extend_records(batch + batch[-1:])   # a repeated (paused) record is skipped
    assert len(history) <= RECENT + CHUNK + MAX_BINS + 1
    assert history["iteration"][-1] == 60_000 and history.thinned_rows > 0
    assert history.column("d_loss")[-1] == 1.0 + 1.0 / 60_000


def test_the_plots_draw_a_thinned_history_point_for_point(qtbot):
    from ganstudio.gui.views.equilibrium_plot import EquilibriumPlot
    from ganstudio.gui.views.loss_plot import LossPlot

    history = MetricHistory()
    history.extend_records(records(1, 30_000))
    for plot in (EquilibriumPlot(THEMES["dark"]), LossPlot(THEMES["dark"])):
        qtbot.addWidget(plot.widget)
        plot.widget.resize(400, 250)
        plot.widget.show()
        plot.show_history(history)
        curve = plot.real_curve if isinstance(plot, EquilibriumPlot) else plot.d_curve
        assert np.array_equal(curve.xData, history.column("iteration"))
        assert len(curve.xData) == len(history) < 30_000
        x_range = plot.widget.getPlotItem().getViewBox().viewRange()[0]
        assert x_range[1] >= 30_000   # the axis still spans the whole run


def test_csv_export_of_a_thinned_history_labels_bins_by_their_last_iteration(tmp_path):
    history = MetricHistory()
    history.extend_records(records(1, 20_000))
    write_metrics_csv(history, tmp_path / "metrics.csv")
    lines = (tmp_path / "metrics.csv").read_text().splitlines()
    assert lines[0] == "iteration,d_real,d_fake,rounded_mean,d_loss,g_loss"
    iterations = [int(line.split(",")[0]) for line in lines[1:]]
    assert len(iterations) == len(history) and iterations == list(history["iteration"])
    assert iterations[-RECENT:] == list(range(20_000 - RECENT + 1, 20_001))


def test_a_checkpoint_with_a_damaged_history_is_a_message_and_keeps_the_session(
        make_window, qtbot, tmp_path, monkeypatch, small_data):
    from ganstudio.core.config.overrides import with_overrides
    from ganstudio.core.formats.checkpoint import save_checkpoint
    from ganstudio.core.training.session import TrainingSession

    path = tmp_path / "damaged.npz"
    save_checkpoint(TrainingSession(with_overrides(TINY_CONFIG, {}), small_data), path)
    with np.load(path) as npz:
        contents = {key: npz[key] for key in npz.files if not key.startswith("history.")}
    meta = json.loads(str(contents["meta"]))
    meta["history"] = {"iteration": [1, 2], "d_real": ["0.5", "x"]}   # text, ragged, columns missing
    contents["meta"] = np.array(json.dumps(meta))
    np.savez(path, **contents)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName",
                        lambda *args, **kwargs: (str(path), ""))
    window = make_window()
    session = window.controller.session
    window.actions.open_checkpoint.trigger()
    assert window.controller.session is session
    text = window.message_bar.label.text()
    assert window.message_bar.isVisible() and str(path) in text and "metric history" in text
