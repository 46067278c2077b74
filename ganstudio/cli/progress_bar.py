"""A one-line progress display on stderr: redrawn in place on a terminal, a line every few
seconds otherwise (logs, CI).

On a terminal the line is cut to its width, read again at every redraw (the window may be
resized): a line longer than the terminal wraps, and "\r" then returns only to the start of
the wrapped part, so every redraw would leave a new line behind. Logs are not cut: there each
update is its own line anyway, and a log should keep every number."""

from __future__ import annotations

import os
import shutil
import sys
import time


class ProgressLine:
    def __init__(self, stream=None, interval: float = 0.1, log_interval: float = 5.0) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.interval = interval if self.tty else log_interval
        self._last = 0.0

    def update(self, text: str, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        if self.tty:
            self.stream.write("\r\x1b[2K" + fit(text, self._columns()))
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def _columns(self) -> int:
        try:  # the terminal of our own stream; shutil's looks at stdout, which may be a pipe
            return os.get_terminal_size(self.stream.fileno()).columns
        except (AttributeError, ValueError, OSError):
            return shutil.get_terminal_size().columns

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def bar(fraction: float, width: int = 24) -> str:
    filled = int(round(max(0.0, min(1.0, fraction)) * width))
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def fit(text: str, columns: int) -> str:
    """`text` cut to leave the terminal's last column free (writing into it makes some
    terminals wrap at once), with "…" where it was cut."""
    room = max(columns - 1, 1)
    return text if len(text) <= room else text[:room - 1] + "…"
