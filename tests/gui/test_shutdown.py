"""The window shuts down cleanly however it is asked to: Ctrl-C or SIGTERM in the terminal
(the real app in a subprocess), Ctrl+Q and the close button (in-process)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support import SCRIPTS
from support.commands import checkout_env

# Twice the 1 s asked for, as this runs on loaded CI machines (an idle one exits in 0.2-0.6 s);
# waiting for "Evaluate now" to finish instead of abandoning it took 2.4-3 s.
EXIT_DEADLINE_S = 2.0
# The offscreen platform's own remark on every window with a size hint; not the app's.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def _start_app(tmp_path, *args: str) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               GANSTUDIO_DATA_DIR=str(tmp_path / "data"))
    return subprocess.Popen([sys.executable, str(SCRIPTS / "gui_app_child.py"), *args],
                            env=checkout_env(env),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _settings_file(tmp_path) -> Path:
    return tmp_path / "config" / "GAN Studio" / "GAN Studio.conf"


@pytest.mark.parametrize(("signum", "doing"), [(signal.SIGINT, "training"),
                                              (signal.SIGTERM, "training"),
                                              (signal.SIGINT, "evaluating")],
                         ids=["SIGINT", "SIGTERM", "SIGINT while Evaluate now runs"])
def test_a_signal_closes_the_training_window_cleanly(tmp_path, signum, doing):
    app = _start_app(tmp_path, doing)
    try:
        assert app.stdout.readline().strip() == "ready"   # shown, and training runs
        assert not _settings_file(tmp_path).exists()
        sent = time.monotonic()
        app.send_signal(signum)
        status = app.wait(timeout=30)
        took = time.monotonic() - sent
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    stderr = app.stderr.read().replace(OFFSCREEN_NOISE, "").strip()
    assert (status, stderr) == (0, "")
    assert took < EXIT_DEADLINE_S
    assert "\ngeometry=@ByteArray" in _settings_file(tmp_path).read_text()   # settings saved


def _training_window(make_window, qtbot):
    window = make_window()
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: window.controller.last_progress is not None, timeout=20_000)
    assert window.controller.is_training_thread_alive
    return window


def test_ctrl_q_closes_saves_and_stops_training(make_window, qtbot, settings):
    from PySide6.QtCore import Qt

    window = _training_window(make_window, qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert not window.controller.is_training_thread_alive
    assert not settings.geometry.isEmpty()


def test_the_close_button_closes_saves_and_stops_training(make_window, qtbot, settings):
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QApplication

    window = _training_window(make_window, qtbot)
    QApplication.sendEvent(window, QCloseEvent())   # what the window manager's button sends
    assert not window.controller.is_training_thread_alive
    assert not settings.geometry.isEmpty()


# The X11 cases need a real X server (checked by hand with xdotool under Xvfb); here the two
# pieces that react to them are fed what the server would send.
def test_a_destroy_notify_for_the_window_closes_it(qtbot):
    import ctypes

    from ganstudio.gui.quit_from_outside import X11Watch

    closed = []
    watch = X11Watch(lambda: 0x200007, lambda: closed.append(True), lambda: None)
    try:
        event = (ctypes.c_uint8 * 32)()
        event[0] = 17                                   # XCB_DESTROY_NOTIFY
        ctypes.c_uint32.from_buffer(event, 8).value = 0x1234   # another window: ignored
        watch._filter.nativeEventFilter(b"xcb_generic_event_t", ctypes.addressof(event))
        ctypes.c_uint32.from_buffer(event, 8).value = 0x200007
        watch._filter.nativeEventFilter(b"xcb_generic_event_t", ctypes.addressof(event))
        qtbot.waitUntil(lambda: bool(closed))
        assert closed == [True]
    finally:
        watch.uninstall()


CONNECTION_BROKE = """
import sys
from PySide6.QtCore import qWarning
from PySide6.QtWidgets import QApplication
from ganstudio.gui.quit_from_outside import X11Watch
app = QApplication([])
watch = X11Watch(lambda: 0, lambda: None, lambda: print("saved and stopped", flush=True))
qWarning("The X11 connection broke (error 1). Did the X11 server die?")
sys.exit(3)   # what Qt's exit(1) stands for: never reached
"""


def test_a_broken_x_connection_runs_the_last_rites_and_exits_quietly():
    env = checkout_env(QT_QPA_PLATFORM="offscreen")
    child = subprocess.run([sys.executable, "-c", CONNECTION_BROKE], env=env, capture_output=True,
                           text=True, timeout=60)
    assert (child.returncode, child.stdout, child.stderr) == (0, "saved and stopped\n", "")
