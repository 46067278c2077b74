"""GAN Studio's log file, in the platform's log folder (platformdirs: ~/.local/state/ganstudio/log
on Linux, ~/Library/Logs/ganstudio on macOS, %LOCALAPPDATA%\\ganstudio\\Logs on Windows), or
where GANSTUDIO_LOG_DIR says. What went wrong on a user's machine is in it, to send with a report.
The window logs for as long as it runs (`start_log`), each command line run for its own length
(`logging_to_file`): both into the one file.
Logging never stops the program: a folder that cannot be written (a read-only home) means no
log, nothing more, and a log that fails later (a full disk) is dropped without a word on the
console, where logging's default would print a traceback.

Several processes share the file (a window and a command line run, two windows). logging's
rotation assumes one: each process renamed the file it had open, and went on writing into the
renamed one (ganstudio.log.1, then .2, then deleted), so the window's later records were lost.
Here a process that finds its file renamed reopens the file of that name before each record,
and a rotation happens under a lock, only if the file is still the one that grew too long."""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ganstudio import __version__

LOGGER = "ganstudio"
FILE_NAME = "ganstudio.log"
MAX_BYTES = 1 << 20   # then ganstudio.log.1 and .2: a few MB at most, whatever happens
BACKUPS = 2
# Without a handler of its own, a record logged when no file could be opened would reach
# logging's last resort, which prints errors (and their tracebacks) on stderr.
logging.getLogger(LOGGER).addHandler(logging.NullHandler())


def log_folder() -> Path:
    chosen = os.environ.get("GANSTUDIO_LOG_DIR")
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_log_dir("ganstudio", appauthor=False))


try:
    import fcntl
except ImportError:   # Windows: there a file another process has open cannot be renamed at all
    fcntl = None


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """Rotates as logging's handler does, shared by processes (see the module's text)."""

    def handleError(self, record) -> None:  # noqa: N802 - logging's API
        pass   # a record that cannot be written is lost; the program goes on as if unlogged

    def emit(self, record) -> None:
        try:
            self._follow_the_name()
        except OSError:
            return self.handleError(record)
        super().emit(record)

    def _follow_the_name(self) -> None:
        """Another process rotated: write into the file that has the name now."""
        if self.stream is not None and not self._still_named():
            self.stream.close()
            self.stream = self._open()

    def _still_named(self) -> bool:
        try:
            named = os.stat(self.baseFilename)
        except FileNotFoundError:
            return False
        held = os.fstat(self.stream.fileno())
        return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)

    def doRollover(self) -> None:  # noqa: N802 - logging's API
        if fcntl is None:
            return super().doRollover()
        with open(self.baseFilename + ".lock", "a") as lock:   # one rotation at a time
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
            if self.stream is not None and not self._still_named():   # another process rotated meanwhile
                self._follow_the_name()
                return None
            return super().doRollover()


def _open_handler() -> logging.Handler | None:
    try:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        handler = _QuietFileHandler(folder / FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                    encoding="utf-8", delay=False)
    except (OSError, ValueError):
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(message)s"))
    return handler


def _file_handler(logger: logging.Logger) -> logging.handlers.RotatingFileHandler | None:
    return next((h for h in logger.handlers if isinstance(h, logging.handlers.RotatingFileHandler)), None)


def _started(logger: logging.Logger, handler: logging.Handler, what: str) -> Path:
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False   # the console shows what the program prints, not the log
    logger.info("%s: GAN Studio %s, Python %s, %s", what, __version__, platform.python_version(),
                platform.platform())
    return Path(handler.baseFilename)


def start_log(what: str) -> Path | None:
    """Sends the `ganstudio` logger to the log file (once per process) and records the start of
    `what` with the versions a report needs. The file's path, or None if it cannot be written."""
    logger = logging.getLogger(LOGGER)
    existing = _file_handler(logger)
    if existing is not None:
        return Path(existing.baseFilename)
    handler = _open_handler()
    return None if handler is None else _started(logger, handler, what)


@contextmanager
def logging_to_file(what: str) -> Iterator[Path | None]:
    """The log file for the length of the block (one command line run), closed after it, so a
    process that runs many commands (the tests) does not pile up open files. A log this process
    has open already (the window's) is used as it is. Yields the file's path, or None."""
    logger = logging.getLogger(LOGGER)
    existing = _file_handler(logger)
    if existing is not None:
        logger.info("%s", what)
        yield Path(existing.baseFilename)
        return
    handler = _open_handler()
    if handler is None:
        yield None
        return
    try:
        yield _started(logger, handler, what)
    finally:
        logger.removeHandler(handler)
        handler.close()


def report_text(summary: str, details: str) -> str:
    """What a user sends: the versions, what happened and where."""
    frozen = " (packaged)" if getattr(sys, "frozen", False) else ""
    return (f"GAN Studio {__version__}{frozen}; Python {platform.python_version()}; {platform.platform()}\n"
            f"{summary}\n\n{details}")
