"""Compare mode (issue 22 part 2): two sessions train at once on the Compare tab, through the
same fixed noise; Space, → and R act on both; "then vs now" is one scenario key and keeps the
main window's model; on one core the runs take turns and the tab says so; closing ends both
threads at once."""

from __future__ import annotations

import time

import numpy as np
import pytest

from ganstudio.core.config.comparisons import COMPARISONS
from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.engine import threads
from ganstudio.core.training.paired_runs import RunSetup
from ganstudio.gui.training.controller import State

from support.gui import TINY_CONFIG

TINY_SETUPS = (RunSetup("with clusters", TINY_CONFIG),
               RunSetup("without clusters", with_overrides(TINY_CONFIG, {"clusters": 0, "seed": 4})))


def open_compare(window, setups=TINY_SETUPS):
    """The Compare tab on two tiny setups."""
    compare = window.compare
    for column, setup in zip(compare.view.runs, setups):
        column.chooser.show_setup(setup)
    window.actions.compare.trigger()
    return compare


def iterations(compare) -> list[int]:
    return [c.session.iteration for c in compare.controllers]


def trained(compare, at_least: int) -> bool:
    return all(c.last_progress is not None and c.last_progress.iteration >= at_least for c in compare.controllers)


def test_compare_mode_runs_two_sessions_on_the_same_noise(make_window, qtbot):
    window = make_window()
    compare = open_compare(window)
    assert window.centre.currentWidget() is compare.view and compare.active
    assert window.actions.compare.isChecked()
    left, right = (c.session for c in compare.controllers)
    assert left is not right and left is not window.controller.session
    assert left.config == TINY_SETUPS[0].config and right.config == TINY_SETUPS[1].config
    width = right.config.noise_dim
    assert np.array_equal(left.fixed_noise[:, :width], right.fixed_noise)   # seeds 0 and 4 alike
    assert "the same 100 noise vectors" in compare.view.caption.text()
    window.actions.start_pause.trigger()                        # Space: both
    assert all(c.state is State.RUNNING for c in compare.controllers)
    qtbot.waitUntil(lambda: trained(compare, 5), timeout=20_000)
    # Each run's grid shows its own G; the plot holds both runs' curves.
    qtbot.waitUntil(lambda: all(curve.xData is not None and len(curve.xData) > 0
                                for curve in compare.view.plot.real_curves), timeout=10_000)
    grids = [column.grid.digits for column in compare.view.runs]
    assert not np.array_equal(grids[0], grids[1])
    assert window.controller.state is not State.RUNNING and window.controller.session.iteration == 0


def test_space_step_and_reset_act_on_both_runs(make_window, qtbot):
    window = make_window()
    compare = open_compare(window)
    a = window.actions
    a.start_pause.trigger()
    qtbot.waitUntil(lambda: trained(compare, 3), timeout=20_000)
    a.start_pause.trigger()                                     # Space again: both pause
    assert all(c.state is State.PAUSED for c in compare.controllers)
    qtbot.waitUntil(lambda: all(c.last_progress.paused for c in compare.controllers), timeout=10_000)
    before = iterations(compare)
    a.step.trigger()                                            # →: one iteration each
    qtbot.waitUntil(lambda: iterations(compare) == [n + 1 for n in before], timeout=10_000)
    old = [c.session for c in compare.controllers]
    a.reset.trigger()                                           # R: new networks for both
    assert all(c.session is not o and c.session.iteration == 0 for c, o in zip(compare.controllers, old))
    assert window.controller.session.iteration == 0             # the main run is left alone


def test_then_vs_now_is_one_scenario_key_and_keeps_the_main_model(make_window, qtbot, bundled_train):
    window = make_window(dataset=bundled_train)
    main = window.controller
    for _ in range(2):
        before = main.session.iteration
        window.actions.step.trigger()
        qtbot.waitUntil(lambda: main.session.iteration > before, timeout=10_000)
    main_session, main_iteration = main.session, main.session.iteration
    then_vs_now = window.actions.comparisons[0]
    assert then_vs_now.shortcut().toString() == "7" and COMPARISONS[0].name == "then-vs-now"
    then_vs_now.trigger()
    compare = window.compare
    try:
        assert compare.active
        assert [c.session.config.name for c in compare.controllers] == ["seed", "fast"]
        assert all(c.state is State.RUNNING for c in compare.controllers)
        assert "Then vs now" in compare.view.caption.text()
        assert "different noise" in compare.view.caption.text()
        assert [column.chooser.displayed_text() for column in compare.view.runs] == ["2014 demo", "today's recipe"]
        # The trained model is where it was, paused, not replaced.
        assert main.session is main_session and main.session.iteration == main_iteration
        assert main.state is not State.RUNNING
        qtbot.waitUntil(lambda: trained(compare, 1), timeout=60_000)
    finally:
        compare.shutdown()
    window.actions.compare.trigger()                            # C: back to the main run
    assert window.centre.currentWidget() is window.view and not compare.active
    assert window.actions.start_pause.text() == "Start"


def test_one_core_takes_turns_fairly_and_says_so(make_window, qtbot, monkeypatch):
    monkeypatch.setattr(threads, "available_cores", lambda: 1)
    window = make_window()
    compare = open_compare(window)
    assert compare.turns is not None
    assert "One core: the runs take turns" in compare.view.caption.text()
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: trained(compare, 20), timeout=30_000)
    window.actions.start_pause.trigger()
    used = compare.turns.used
    # Equal time each, give or take a turn or two (the pause reaches the runs one after the other).
    assert abs(used[0] - used[1]) <= 0.25 * max(used)


def test_on_two_cores_each_run_computes_alone_on_its_own(make_window, qtbot, monkeypatch):
    monkeypatch.setattr(threads, "available_cores", lambda: 2)
    window = make_window()
    compare = open_compare(window)
    assert compare.turns is None and "a core of its own" in compare.view.caption.text()
    assert threads.workers() == 1
    window.actions.compare.trigger()                            # leaving gives the window's policy back
    assert threads.workers() == threads.policy_workers(2, gui=True, blas=threads.blas_threads())


@pytest.mark.parametrize("how", ["close", "shutdown"])
def test_closing_ends_both_runs_within_a_second(make_window, qtbot, how):
    window = make_window()
    compare = open_compare(window)
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: trained(compare, 2), timeout=20_000)
    began = time.perf_counter()
    window.close() if how == "close" else window.shutdown()
    assert time.perf_counter() - began < 1.0
    assert not any(c.is_training_thread_alive for c in compare.controllers)


def test_a_pasted_setup_line_becomes_a_side(make_window, qtbot):
    from PySide6.QtGui import QGuiApplication

    from ganstudio.core.formats.recipe import Recipe

    window = make_window()
    compare = open_compare(window)
    chooser = compare.view.runs[1].chooser
    QGuiApplication.clipboard().setText(Recipe.from_setup(TINY_SETUPS[1].config, "bundled").to_line())
    chooser.activated.emit(chooser.count() - 1)                 # "A setup pasted as one line"
    assert chooser.setup().config == TINY_SETUPS[1].config
    assert compare.controllers[1].session.config == TINY_SETUPS[1].config
    QGuiApplication.clipboard().setText("ganstudio:v1:preset=fast;seed=1;sum=00000000")
    with qtbot.waitSignal(chooser.refused, timeout=1000) as refused:
        chooser.activated.emit(chooser.count() - 1)
    assert "checksum" in refused.args[0]
    assert chooser.setup().config == TINY_SETUPS[1].config     # the side is as it was


def test_the_status_bar_speaks_of_the_two_runs_not_the_paused_main_one(make_window, qtbot):
    window = make_window()
    status = window.status
    open_compare(window)
    assert "Space" in status.state.text() and "Ready" not in status.state.text()
    assert not any(field.isVisible() for field in (status.iteration, status.rate, status.means, status.preset))
    window.actions.compare.trigger()   # back to the main run
    assert status.state.text().startswith("Ready")
    assert status.iteration.isVisible() and status.means.isVisible()


def test_on_stage_the_grids_take_two_thirds_of_the_height(make_window, qtbot):
    window = make_window()
    open_compare(window)
    window.presenter.set(True)
    qtbot.waitUntil(lambda: window.compare.view.split.sizes()[1] > 0)
    grids, below = window.compare.view.split.sizes()
    assert grids >= 1.8 * below
    window.presenter.set(False)
    grids, below = window.compare.view.split.sizes()
    assert grids < 1.8 * below
