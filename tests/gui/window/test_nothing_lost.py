"""Nothing trained is lost (issue 20): Ctrl+Z brings back a session that Reset, a scenario key or
Open Checkpoint replaced, exactly; closing autosaves, and the next launch offers to continue;
an autosave that cannot be written is one message, and closing then asks first."""

from __future__ import annotations

import os

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ganstudio.core.formats.checkpoint import read_checkpoint, save_checkpoint
from ganstudio.gui.training.controller import State
from ganstudio.gui.window.session_undo import UNDO_LIMIT

from support.gui import iterations_so_far


def trained(window, qtbot, iterations: int = 12):
    """Steps `iterations` times; returns the session and a copy of its weights."""
    for _ in range(iterations):
        before = iterations_so_far(window)
        window.actions.step.trigger()
        qtbot.waitUntil(lambda: iterations_so_far(window) > before, timeout=10_000)
    with window.controller.quiescent() as session:
        return session, weights(session)


def weights(session) -> dict:
    return {k: np.array(v, copy=True) for k, v in session.state_dict().items()
            if k.startswith("algo.") and isinstance(v, np.ndarray)}


def same_weights(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a)


def press(window, qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window.centralWidget(), key, modifier)


def test_r_then_ctrl_z_brings_back_the_iteration_weights_history_and_timeline(make_window, qtbot):
    window = make_window()
    session, kept = trained(window, qtbot)
    history = len(session.history)
    frames = len(session.timeline.snapshot()[0])

    press(window, qtbot, Qt.Key.Key_R)
    assert window.controller.session.iteration == 0
    assert "iteration 12" in window.message_bar.label.text()
    assert "Ctrl+Z" in window.message_bar.label.text()

    press(window, qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = window.controller.session
    assert back is session and back.iteration == 12
    assert same_weights(weights(back), kept)
    assert len(back.history) == history and len(back.timeline.snapshot()[0]) == frames
    assert len(window.controller.history) == history   # the plots show the run again
    assert window.status.iteration.text() == "iteration 12"
    assert not window.hyperparameters.is_pending()
    # And it trains on from there.
    window.actions.step.trigger()
    qtbot.waitUntil(lambda: iterations_so_far(window) == 13, timeout=10_000)


def test_redo_goes_forward_again_and_a_fresh_session_makes_no_undo_step(make_window, qtbot):
    window = make_window()
    assert not window.actions.undo.isEnabled()
    window.actions.reset.trigger()                 # nothing trained: nothing to undo
    assert not window.actions.undo.isEnabled()
    first, _ = trained(window, qtbot, 3)
    window.actions.reset.trigger()
    second, _ = trained(window, qtbot, 5)
    window.actions.undo.trigger()
    assert window.controller.session is first
    assert "iteration 5" in window.message_bar.label.text()   # where Redo goes
    window.actions.redo.trigger()
    assert window.controller.session is second and second.iteration == 5


@pytest.fixture(scope="module")
def bundled():
    """All bundled training digits: a classic scenario draws 1,000 real images an iteration."""
    from ganstudio.core.data import load_bundled

    return load_bundled("train")


def test_a_session_left_by_undo_stays_reachable_after_another_reset(make_window, qtbot):
    window = make_window()
    first, _ = trained(window, qtbot, 3)
    window.actions.reset.trigger()
    second, kept = trained(window, qtbot, 5)
    window.actions.undo.trigger()
    window.actions.reset.trigger()              # from `first`: an undo stack would drop `second`
    window.actions.undo.trigger()
    assert window.controller.session is first
    window.actions.redo.trigger()               # the fresh session
    window.actions.redo.trigger()
    assert window.controller.session is second and same_weights(weights(second), kept)
    assert not window.actions.redo.isEnabled()


def test_the_line_drops_untrained_sessions_first_then_the_farthest_back():
    from types import SimpleNamespace

    from ganstudio.gui.window.session_undo import KeptSession, SessionLine

    def kept(iteration):
        return KeptSession(SimpleNamespace(iteration=iteration), "bundled", None, None)

    line = SessionLine(limit=2)
    a, b, fresh, c = kept(5), kept(7), kept(0), kept(9)
    for session in (a, b):
        line.add(session)
    assert line.go_back() is a
    line.add(fresh)                             # after `a`, before `b`: [a, fresh, b]
    assert line.current is fresh and line.can_go_forward
    line.add(c)                                 # `fresh` untrained: replaced, [a, c, b]
    assert line.go_back() is a and line.go_forward() is c and line.go_forward() is b
    line.add(kept(0))                           # over the limit: `a`, farthest back, goes
    assert line.go_back() is b and line.go_back() is c and not line.can_go_back


def test_a_scenario_key_then_ctrl_z_brings_back_the_model_and_its_data_choice(make_window, qtbot,
                                                                              bundled):
    window = make_window(dataset=bundled)
    window.data_panel.digit_filter.set_digits((3, 7))   # applied at once: nothing trained yet
    session, kept = trained(window, qtbot)

    press(window, qtbot, Qt.Key.Key_1)
    assert window.controller.state is State.RUNNING
    assert window.data.digits() is None
    assert "Ctrl+Z" in window.message_bar.label.text()   # shown under the scenario's caption
    scenario = window.controller.session
    qtbot.waitUntil(lambda: iterations_so_far(window) >= 2, timeout=30_000)

    press(window, qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.session is session and session.iteration == 12
    assert same_weights(weights(session), kept)
    assert window.controller.state is State.IDLE
    assert window.data.digits() == (3, 7) and not window.hyperparameters.is_pending()
    assert window.caption.isHidden()
    # The scenario's training is not lost either: Redo brings it back.
    window.actions.redo.trigger()
    assert window.controller.session is scenario and scenario.iteration >= 2


def test_open_checkpoint_can_be_undone(make_window, qtbot, tmp_path, monkeypatch):
    window = make_window()
    session, kept = trained(window, qtbot, 4)
    path = save_checkpoint(session, tmp_path / "four.npz")
    window.actions.reset.trigger()
    trained(window, qtbot, 7)
    from PySide6.QtWidgets import QFileDialog
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.actions.open_checkpoint.trigger()
    assert window.controller.session.iteration == 4
    window.actions.undo.trigger()
    assert window.controller.session.iteration == 7


def test_only_the_last_few_replaced_sessions_are_kept(make_window, qtbot):
    window = make_window()
    for _ in range(UNDO_LIMIT + 2):
        trained(window, qtbot, 1)
        window.actions.reset.trigger()
    undone = 0
    while window.actions.undo.isEnabled():
        window.actions.undo.trigger()
        undone += 1
    assert undone == UNDO_LIMIT


def test_closing_autosaves_and_the_next_launch_offers_to_continue(make_window, qtbot, settings):
    window = make_window()
    session, kept = trained(window, qtbot)
    window.actions.start_pause.trigger()   # closing while it trains
    qtbot.waitUntil(lambda: iterations_so_far(window) > 12, timeout=10_000)
    window.actions.quit.trigger()
    assert not window.isVisible()
    autosave = window.autosave.path
    config, state = read_checkpoint(autosave)
    assert state["iteration"] == session.iteration > 12   # every iteration, up to the close

    again = make_window(window_settings=settings)
    bar = again.message_bar
    assert bar.offering and f"iteration {session.iteration}" in bar.label.text()
    assert again.controller.session.iteration == 0   # nothing is continued unasked
    bar.offer.click()
    restored = again.controller.session
    assert restored.iteration == session.iteration
    assert same_weights(weights(restored), weights(session))
    assert not bar.offering and f"Continued at iteration {session.iteration}" in bar.label.text()
    assert not again.autosave.unsaved()   # the file holds it already


def test_training_is_autosaved_every_few_seconds_while_it_trains_on(make_window, qtbot, monkeypatch):
    from ganstudio.gui.window import autosave

    monkeypatch.setattr(autosave, "SECONDS", 0.3)
    window = make_window()
    qtbot.wait(600)
    assert not window.autosave.path.exists()        # nothing trained, nothing written
    window.actions.start_pause.trigger()
    qtbot.waitUntil(window.autosave.path.exists, timeout=10_000)
    first = read_checkpoint(window.autosave.path)[1]["iteration"]
    qtbot.waitUntil(lambda: read_checkpoint(window.autosave.path)[1]["iteration"] > first, timeout=10_000)
    assert window.controller.state is State.RUNNING   # and training went on


def test_a_fresh_session_is_not_autosaved_and_keeps_the_last_one(make_window, qtbot, settings):
    window = make_window()
    trained(window, qtbot, 3)
    window.close()
    autosave = window.autosave.path
    written = autosave.stat().st_mtime_ns
    again = make_window(window_settings=settings)
    again.autosave.save_now()
    again.close()                               # declined, nothing trained: the old one stays
    assert autosave.stat().st_mtime_ns == written
    assert make_window(window_settings=settings).message_bar.offering


def test_a_new_run_s_first_autosave_takes_the_offer_away(make_window, qtbot, settings):
    window = make_window()
    trained(window, qtbot, 3)
    window.close()
    again = make_window(window_settings=settings)
    assert again.message_bar.offering
    trained(again, qtbot, 2)
    again.autosave.save_now()
    assert not again.message_bar.offering
    assert read_checkpoint(again.autosave.path)[1]["iteration"] == 2


def test_an_autosave_that_cannot_be_written_is_one_message_and_closing_asks(
        make_window, qtbot, tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    monkeypatch.setenv("GANSTUDIO_DATA_DIR", str(blocked))
    asked, reply = [], [QMessageBox.StandardButton.Cancel]
    # Installed first: a failing assertion must not leave a modal question at teardown.
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *_: asked.append(text) or reply[0])
    window = make_window()
    trained(window, qtbot, 3)
    window.autosave.save_now()
    bar = window.message_bar
    assert bar.isVisible() and bar.label.text().startswith("Could not autosave:")
    assert "\n" not in bar.label.text() and "Traceback" not in bar.label.text()
    bar.hide()
    trained(window, qtbot, 1)
    window.autosave.save_now()
    assert bar.isHidden()                       # said once, not every minute

    window.actions.start_pause.trigger()
    window.close()
    assert window.isVisible() and len(asked) == 1 and "lose" in asked[0]
    assert window.controller.state is State.RUNNING   # staying open, training goes on
    now = iterations_so_far(window)
    qtbot.waitUntil(lambda: iterations_so_far(window) > now, timeout=10_000)
    reply[0] = QMessageBox.StandardButton.Close
    window.close()
    assert not window.isVisible() and len(asked) == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_autosave_into_a_read_only_folder_is_one_message(make_window, qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    monkeypatch.setenv("GANSTUDIO_DATA_DIR", str(folder))
    monkeypatch.setattr(QMessageBox, "warning", lambda *_: QMessageBox.StandardButton.Close)
    window = make_window()
    trained(window, qtbot, 2)
    window.autosave.save_now()
    assert window.message_bar.label.text().startswith("Could not autosave:")
