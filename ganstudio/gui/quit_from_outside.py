"""Requests to end the app that come from outside the window, turned into its ordinary close
inside Qt's event loop, so settings are saved and training stops however the app is ended:

- SIGINT (Ctrl-C in the terminal) and SIGTERM. Python runs a signal handler only between two
  bytecodes of the main thread, which sits in Qt's C++ event loop: the default handler's
  KeyboardInterrupt landed in whatever Qt callback ran next. Instead the C-level handler writes
  the signal's number to a socket (signal.set_wakeup_fd) that a QSocketNotifier watches, and the
  close happens in that notifier's slot, between two events.
- X11: another client destroying the window (xdotool windowclose) leaves Qt running with no
  window at all; a broken connection (the X server gone, xdotool windowkill) makes Qt print a
  warning and call exit(1) while the training thread still runs ("QThread: Destroyed while
  thread is still running", status 134).
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import sys
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QCoreApplication,
    QObject,
    QSocketNotifier,
    QTimer,
    qInstallMessageHandler,
)

CLOSING_SIGNALS = (signal.SIGINT, signal.SIGTERM)
XCB_DESTROY_NOTIFY = 17
X11_CONNECTION_BROKE = "The X11 connection broke"   # Qt's words just before it calls exit(1)


class SignalCloser(QObject):
    """Calls `close()` from the event loop when SIGINT or SIGTERM arrives; uninstall() puts
    back the previous handlers."""

    def __init__(self, close: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._close = close
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        # The Python-level handler does nothing: all the work is done by the notifier below.
        self._previous = {signum: signal.signal(signum, lambda *_: None) for signum in CLOSING_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        try:
            received = self._reader.recv(64)
        except BlockingIOError:
            return
        if any(number in received for number in CLOSING_SIGNALS):
            # Asked once, the app closes cleanly; asked again (a stuck close), it ends at once.
            for signum in CLOSING_SIGNALS:
                signal.signal(signum, signal.SIG_DFL)
            self._close()

    def uninstall(self) -> None:
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._reader.close()
        self._writer.close()


class _DestroyedWindowFilter(QAbstractNativeEventFilter):
    """Calls `close()` when the X server reports our top-level window destroyed."""

    def __init__(self, window_id: Callable[[], int], close: Callable[[], None]) -> None:
        super().__init__()
        self._window_id, self._close = window_id, close

    def nativeEventFilter(self, event_type, message):  # noqa: N802 - Qt's name
        address = int(message)   # (a pointer object whose truth value is not its address)
        if address and bytes(event_type) == b"xcb_generic_event_t":
            # xcb_destroy_notify_event_t: response_type (byte 0), ..., window (bytes 8-11).
            kind = ctypes.c_uint8.from_address(address).value & 0x7F
            if kind == XCB_DESTROY_NOTIFY \
                    and ctypes.c_uint32.from_address(address + 8).value == self._window_id():
                QTimer.singleShot(0, self._close)
        return False, 0


class X11Watch:
    """On xcb: closes the window when another client destroys it, and saves and stops (through
    `last_rites`) before the process ends when the X connection breaks."""

    def __init__(self, window_id: Callable[[], int], close: Callable[[], None],
                 last_rites: Callable[[], None]) -> None:
        self._last_rites = last_rites
        self._filter = _DestroyedWindowFilter(window_id, close)
        QCoreApplication.instance().installNativeEventFilter(self._filter)
        self._previous_handler = qInstallMessageHandler(self._message)

    def _message(self, kind, context, text: str) -> None:
        if text.startswith(X11_CONNECTION_BROKE):
            # Qt calls exit(1) once this returns, from under the training thread: finish
            # here (nothing can be drawn any more; settings and threads still can be ended).
            self._last_rites()
            sys.stdout.flush()
            os._exit(0)
        if self._previous_handler is not None:
            self._previous_handler(kind, context, text)
        else:
            sys.stderr.write(text + "\n")

    def uninstall(self) -> None:
        QCoreApplication.instance().removeNativeEventFilter(self._filter)
        qInstallMessageHandler(self._previous_handler)
