"""Ctrl-C (SIGINT) and SIGTERM on the command line.

By default both raise `Interrupted` (a KeyboardInterrupt that knows its signal), which
`main` turns into one line and the shell's status for a signal, 128 + its number: 130 for
SIGINT, 143 for SIGTERM. Training asks for more with `StopSignals`: the first signal stops
between iterations, a second one interrupts at once, and while the results are being written
signals are only recorded, so a save is never cut in half.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    def __init__(self, signum: int, message: str | None = None) -> None:
        super().__init__(signum)
        self.signum = signum
        self.message = message  # None: main() says the usual


def signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


def exit_status(exc: KeyboardInterrupt) -> int:
    """130 for SIGINT (a plain KeyboardInterrupt too), 143 for SIGTERM."""
    return 128 + getattr(exc, "signum", signal.SIGINT)


@contextmanager
def _handlers(handler):
    previous = {signum: signal.signal(signum, handler) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def _raise(signum, frame):
    raise Interrupted(signum)


def raising_on_stop_signals():
    """SIGTERM behaves like Ctrl-C (instead of ending the process with no clean-up)."""
    return _handlers(_raise)


class StopSignals:
    """`with StopSignals() as signals:` — the first signal is recorded (`signals.first`; the
    training loop stops between iterations when it sees it) and calls `on_first` if given; a
    later one raises `Interrupted`; after `signals.defer()` every signal is only recorded.
    `signals.received` lists them in order."""

    def __init__(self, on_first=lambda: None) -> None:
        self.on_first = on_first
        self.received: list[int] = []
        self._deferred = False
        self._context = _handlers(self._handle)

    def __enter__(self) -> StopSignals:
        self._context.__enter__()
        return self

    def __exit__(self, *exc_info) -> None:
        self._context.__exit__(*exc_info)

    def defer(self) -> None:
        self._deferred = True

    @property
    def first(self) -> int | None:
        return self.received[0] if self.received else None

    def _handle(self, signum, frame) -> None:
        self.received.append(signum)
        if self._deferred:
            return
        if len(self.received) == 1:
            self.on_first()
            return
        raise Interrupted(signum)
