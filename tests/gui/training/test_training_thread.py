"""Closing mid-training, errors from the worker, and the PySide6 refcount guard."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget

from support.gui import TINY_CONFIG, iterations_so_far


def test_closing_during_training_20_times_leaves_no_thread(make_window, qtbot, qtlog):
    threads_before = threading.active_count()
    for _ in range(20):
        window = make_window()
        window.actions.start_pause.trigger()
        qtbot.waitUntil(lambda: iterations_so_far(window) >= 1, timeout=20_000)
        thread = window.controller._thread
        assert isinstance(thread, QThread) and thread.isRunning()
        window.close()
        assert thread is not window.controller._thread      # forgotten after the clean stop
        assert not window.controller.is_training_thread_alive
        assert threading.active_count() == threads_before
    messages = [record.message for record in qtlog.records]
    assert not [m for m in messages if "Destroyed while thread" in m], messages


def test_closing_while_paused_mid_step_also_stops(make_window, qtbot):
    window = make_window()
    window.actions.step.trigger()
    qtbot.waitUntil(lambda: iterations_so_far(window) == 1, timeout=10_000)
    assert window.controller.is_training_thread_alive      # blocked in the paused loop
    window.close()
    assert not window.controller.is_training_thread_alive


def test_a_stop_sent_before_the_loop_begins_still_ends_a_paused_thread(qtbot, small_data):
    """Save, then Reset, in quick succession: the save restarts a paused thread, and Reset's stop
    can arrive before that thread's loop has begun. The thread must still end, or the window
    hangs waiting for it."""
    from ganstudio.core.training.session import TrainingSession
    from ganstudio.core.training.worker import TrainingWorker
    from ganstudio.gui.training.mailbox import ProgressMailbox
    from ganstudio.gui.training.thread import TrainingThread

    worker = TrainingWorker(TrainingSession(TINY_CONFIG, small_data))
    worker.pause()
    thread = TrainingThread(worker, ProgressMailbox())
    thread.request_stop()            # before the loop exists: the worst case of the race
    with qtbot.waitSignal(thread.finished, timeout=5_000):
        thread.start()
    assert not thread.isRunning()


def test_an_unreadable_dataset_file_shows_a_message_and_keeps_the_data(make_window, qtbot,
                                                                       tmp_path, monkeypatch):
    bad = tmp_path / "train-images-idx3-ubyte"
    bad.write_bytes(b"this is not an IDX file")
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName",
                        lambda *args, **kwargs: (str(bad), ""))
    window = make_window()
    dataset = window.dataset
    window.actions.open_data_file.trigger()
    qtbot.waitUntil(window.message_bar.isVisible, timeout=10_000)
    assert str(bad) in window.message_bar.label.text()
    assert window.dataset is dataset


def test_void_qt_calls_leave_none_refcount_alone(qtbot):
    # PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a method that
    # returns void, until None is freed and the interpreter aborts. (From Python 3.12 None is
    # immortal and its count never moves, so the test passes there by construction.)
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        widget.setEnabled(True)
    assert abs(sys.getrefcount(None) - before) < 100
