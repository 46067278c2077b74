"""GAN Studio's log file, in the platform's log folder (platformdirs: ~/.local/state/ganstudio/log
on Linux, ~/Library/Logs/ganstudio on macOS, %LOCALAPPDATA%\\ganstudio\\Logs on Windows), or
where GANSTUDIO_LOG_DIR says. What went wrong on a user's machine is in it, to send with a report.
Logging never stops the program: a folder that cannot be written means no log, nothing more."""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import sys
from pathlib import Path

from ganstudio import __version__

LOGGER = "ganstudio"
FILE_NAME = "ganstudio.log"
MAX_BYTES = 1 << 20   # then ganstudio.log.1 and .2: a few MB at most, whatever happens
BACKUPS = 2


def log_folder() -> Path:
    chosen = os.environ.get("GANSTUDIO_LOG_DIR")
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_log_dir("ganstudio", appauthor=False))


def start_log(what: str) -> Path | None:
    """Sends the `ganstudio` logger to the log file (once per process) and records the start of
    `what` with the versions a report needs. The file's path, or None if it cannot be written."""
    logger = logging.getLogger(LOGGER)
    for handler in logger.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    try:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(folder / FILE_NAME, maxBytes=MAX_BYTES,
                                                       backupCount=BACKUPS, encoding="utf-8", delay=False)
    except (OSError, ValueError):
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False   # the console shows what the program prints, not the log
    logger.info("%s: GAN Studio %s, Python %s, %s", what, __version__, platform.python_version(),
                platform.platform())
    return Path(handler.baseFilename)


def report_text(summary: str, details: str) -> str:
    """What a user sends: the versions, what happened and where."""
    frozen = " (packaged)" if getattr(sys, "frozen", False) else ""
    return (f"GAN Studio {__version__}{frozen}; Python {platform.python_version()}; {platform.platform()}\n"
            f"{summary}\n\n{details}")
