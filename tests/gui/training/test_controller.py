"""Start, pause, step and reset through the window's own actions, on the real training loop."""

from __future__ import annotations

import numpy as np

from ganstudio.gui.training.controller import State

from support.gui import iterations_so_far


def test_opens_idle_showing_the_untrained_generator(make_window):
    window = make_window()
    assert window.controller.state is State.IDLE
    assert not window.controller.is_training_thread_alive
    assert window.view.grid.mosaic.shape == (298, 298)
    assert window.view.grid.mosaic.max() > 0          # G's noise, not an empty picture
    assert window.actions.start_pause.text() == "Start"


def test_start_brings_progress_into_the_plots_and_the_grid(make_window, qtbot):
    window = make_window()
    before = window.view.grid.mosaic.copy()
    # Before the first record the fixed-size fields show placeholders, not holes in the bar.
    assert window.status.means.text() == "D(real) —  D(fake) —" and "—" in window.status.rate.text()
    window.actions.start_pause.trigger()
    assert window.controller.state is State.RUNNING
    qtbot.waitUntil(lambda: len(window.controller.history) >= 5
                    and not np.array_equal(window.view.grid.mosaic, before), timeout=20_000)
    x, y = window.view.equilibrium.real_curve.getData()
    assert len(x) >= 5 and np.all((0 <= y) & (y <= 1))
    assert window.view.losses.d_curve.getData()[0] is not None
    assert "iteration" in window.status.iteration.text()
    window.actions.start_pause.trigger()
    assert window.controller.state is State.PAUSED


def test_pause_stops_iterations(make_window, qtbot):
    window = make_window()
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: iterations_so_far(window) >= 3, timeout=20_000)
    window.actions.start_pause.trigger()                      # pause
    assert window.controller.state is State.PAUSED
    # A record marked paused proves the loop has seen the pause: a step always brings one.
    window.actions.step.trigger()
    def loop_has_paused():
        last = window.controller.last_progress
        return last is not None and last.paused and last.iteration == window.controller.session.iteration

    qtbot.waitUntil(loop_has_paused, timeout=10_000)
    paused_at = window.controller.session.iteration
    with qtbot.assertNotEmitted(window.controller.progress, wait=300):
        pass
    assert window.controller.session.iteration == paused_at
    assert window.controller.is_training_thread_alive         # blocked, not ended


def test_step_advances_exactly_one_iteration(make_window, qtbot):
    window = make_window()
    for expected in (1, 2, 3):
        with qtbot.waitSignal(window.controller.progress, timeout=10_000):
            window.actions.step.trigger()
        qtbot.waitUntil(lambda: iterations_so_far(window) == expected, timeout=10_000)
        assert window.controller.state is State.PAUSED
    with qtbot.assertNotEmitted(window.controller.progress, wait=300):
        pass
    assert window.controller.session.iteration == 3
    assert len(window.controller.history) == 3


def test_step_stage_walks_the_stage_list(make_window, qtbot):
    window = make_window()
    names = window.controller.session.stage_names
    for name in names[:3]:
        with qtbot.waitSignal(window.controller.progress, timeout=10_000):
            window.actions.step_stage.trigger()
        qtbot.waitUntil(lambda: window.stages.current == name, timeout=10_000)
    assert window.controller.session.iteration == 0          # still inside the first iteration


def test_reset_gives_fresh_networks(make_window, qtbot):
    window = make_window()
    fresh_grid = window.view.grid.mosaic.copy()
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: iterations_so_far(window) >= 5
                    and not np.array_equal(window.view.grid.mosaic, fresh_grid), timeout=20_000)
    old_session = window.controller.session
    window.actions.reset.trigger()
    assert window.controller.session is not old_session
    assert window.controller.state is State.IDLE
    assert window.controller.session.iteration == 0
    assert len(window.controller.history) == 0
    assert not window.controller.is_training_thread_alive
    assert np.array_equal(window.view.grid.mosaic, fresh_grid)   # same seed, same pens


def test_learning_rate_edit_reaches_the_running_optimizer(make_window, qtbot):
    window = make_window()
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: iterations_so_far(window) >= 2, timeout=20_000)
    editor = window.hyperparameters.editor("lr_d")
    editor.setText("0.0005")
    editor.editingFinished.emit()
    optimizer = window.controller.session.algorithm.optimizers["d"]
    qtbot.waitUntil(lambda: abs(optimizer.lr - 0.0005) < 1e-12, timeout=10_000)
    assert not window.hyperparameters.hint.isVisible()        # live: no reset needed


def test_architecture_change_waits_for_reset_with_a_hint(make_window, qtbot):
    window = make_window()
    window.actions.step.trigger()
    qtbot.waitUntil(lambda: iterations_so_far(window) == 1, timeout=10_000)
    editor = window.hyperparameters.editor("g_hidden")
    editor.setText("48")
    editor.editingFinished.emit()
    assert window.hyperparameters.hint.isVisible()
    assert window.status.pending.isVisible()
    assert window.controller.session.config.g_hidden == (32,)   # not yet
    window.actions.reset.trigger()
    assert window.controller.session.config.g_hidden == (48,)
    assert not window.hyperparameters.hint.isVisible()


def test_space_and_right_work_from_the_keyboard_at_startup(make_window, qtbot):
    from PySide6.QtCore import Qt

    window = make_window()
    with qtbot.waitActive(window):
        window.activateWindow()
    assert window.focusWidget() is window.centralWidget()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: iterations_so_far(window) == 1, timeout=10_000)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Space)
    assert window.controller.state is State.RUNNING
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Space)
    assert window.controller.state is State.PAUSED


def test_a_finished_run_goes_on_when_iterations_are_raised(make_window, qtbot):
    from ganstudio.core.config.overrides import with_overrides

    from support.gui import TINY_CONFIG

    window = make_window(config=with_overrides(TINY_CONFIG, {"iterations": 3}))
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: window.controller.state is State.FINISHED, timeout=20_000)
    assert not window.actions.start_pause.isEnabled()
    editor = window.hyperparameters.editor("iterations")
    editor.setText("6")
    editor.editingFinished.emit()
    assert not window.hyperparameters.hint.isVisible()   # live: no reset, the networks stay
    assert window.controller.state is State.PAUSED and window.actions.start_pause.isEnabled()
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: window.controller.state is State.FINISHED, timeout=20_000)
    assert window.controller.session.iteration == 6


def test_the_table_spaces_the_plots_and_pausing_shows_every_iteration_at_once(make_window, qtbot):
    from dataclasses import replace

    from ganstudio.gui.training.refresh_scheduler import CADENCE

    window = make_window()
    controller = window.controller
    # One row of the table: the plots at most twice a second, whatever they cost.
    controller.refresh.use({**CADENCE, "plots": replace(CADENCE["plots"], most=2)})
    drains = []
    controller.progress.connect(drains.append)
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: controller.refresh.count("grid") >= 12, timeout=30_000)
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: controller.last_progress is not None and controller.last_progress.paused,
                    timeout=10_000)
    assert controller.refresh.count("plots") < controller.refresh.count("grid") <= len(drains)
    # However rarely the plots and the status bar redraw while running, a pause shows the last
    # iteration in both at once.
    shown = window.view.equilibrium.real_curve.xData   # all points, before downsampling
    assert shown[-1] == controller.session.iteration == len(controller.history)
    assert window.status.iteration.text() == f"iteration {controller.session.iteration}"


def test_paints_are_charged_to_the_view_that_painted(make_window, qtbot):
    window = make_window()
    qtbot.waitExposed(window)
    charged = []
    window.controller._paint_clock._charge = lambda name, seconds: charged.append(name)
    window.view.grid.update()
    window.view.equilibrium.widget.viewport().update()
    qtbot.waitUntil(lambda: {"grid", "plots"} <= set(charged))
    # Delivered by the clock, a paint draws what it draws without it.
    import numpy as np

    grid = window.view.grid
    grid.set_digits(np.random.default_rng(0).integers(0, 256, (100, 28, 28), dtype=np.uint8))
    through_clock = grid.grab().toImage()
    assert charged[-1] == "grid"
    grid.removeEventFilter(window.controller._paint_clock)
    assert grid.grab().toImage() == through_clock
    assert through_clock.pixelColor(grid.image_rect().center().toPoint()).name() != "#000000"


def test_a_finished_run_says_why_in_words(make_window):
    from ganstudio.core.training.session import Progress
    from ganstudio.core.training.stopping import StopReason

    status = make_window().status
    done = Progress(1500, 0.9, 0.1, 0.5, 0.3, 2.0, 30.0, finished=True,
                    stop_reason=StopReason("iteration_limit"))
    status.show_state(State.FINISHED, done)
    assert status.state.text() == "Finished: iteration limit reached"   # not "(iterations)"
    rule = StopReason("original_rule", {"rounded_mean": 0.52})
    status.show_state(State.FINISHED, Progress(7, 0.9, 0.1, 0.52, 0.3, 2.0, 30.0, finished=True,
                                               stop_reason=rule))
    assert status.state.text().startswith("Finished: the original rule fired")
    # The numbers, on hover, in the core's words.
    assert status.state.toolTip() == "original rule: mean of rounded D outputs = 0.520"
    status.show_state(State.RUNNING)
    assert status.state.text() == "Training" and status.state.toolTip() == ""
