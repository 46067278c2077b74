"""The command line: parses the sub-command and turns user-facing errors into one readable line
on stderr and exit status 2, and Ctrl-C / SIGTERM into one line and 130 / 143. A bug (an
exception no one expected) is one line too, naming the log file that holds its traceback, and
status 1. Each command logs to the window's log file (core/files/log_file.py) while it runs.
It knows nothing of the window: ganstudio/launcher.py hands in how to open it and its
self-test checks."""

from __future__ import annotations

import os
import sys

from ganstudio.cli.interrupts import exit_status, raising_on_stop_signals, signal_name

# Each module defines register(subparsers), which adds its parser and sets `func=run`.
COMMAND_MODULES = (
    "ganstudio.cli.train_command",
    "ganstudio.cli.sample_command",
    "ganstudio.cli.presets_command",
    "ganstudio.cli.scenarios_command",
    "ganstudio.cli.data_command",
    "ganstudio.cli.eval_command",
    "ganstudio.cli.selftest_command",
    "ganstudio.cli.export_command",
    "ganstudio.cli.import_command",
    "ganstudio.cli.map_command",
)

USAGE_ERROR = 2
CRASH_STATUS = 1   # as Python's own for an uncaught exception; 2 says the input was wrong


def build_parser():
    # Imported here, not at the top: until main() has installed its signal handlers, a
    # Ctrl-C would print a traceback, so the module itself imports next to nothing.
    import argparse
    import importlib

    from ganstudio import __version__

    class _Parser(argparse.ArgumentParser):
        """argparse prints the whole usage on a bad argument; we print one line."""

        def error(self, message: str) -> None:  # noqa: D401 - argparse API
            print(f"{self.prog}: error: {message}", file=sys.stderr)
            raise SystemExit(USAGE_ERROR)

    parser = _Parser(prog="ganstudio", description="Watch a GAN learn to draw digits.")
    parser.add_argument("--version", action="version", version=f"ganstudio {__version__}")
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None, open_window=None, window_checks=tuple) -> int:
    """Ctrl-C or SIGTERM at any moment, from the first import on, ends with one line and
    status 130 or 143 (see interrupts.py); a command that saves work says what it saved.
    `open_window()` runs the window (no sub-command); `window_checks()` gives the self-test's
    window checks, as (name, check) pairs."""
    _printable_names()
    try:
        with raising_on_stop_signals():
            args = build_parser().parse_args(argv)
            if args.command is not None:
                args.window_checks = window_checks
                return _run_command(args)
    except KeyboardInterrupt as exc:
        # Every write is atomic, so a command that did not say otherwise wrote nothing.
        message = getattr(exc, "message", None) or f"interrupted by {signal_name(exit_status(exc) - 128)}; nothing was written"
        print(f"ganstudio: {message}", file=sys.stderr)
        return exit_status(exc)
    from ganstudio.cli.display import NO_DISPLAY_MESSAGE, display_available

    if open_window is None:
        print("ganstudio: error: no command given (see ganstudio --help)", file=sys.stderr)
        return USAGE_ERROR
    if not display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return USAGE_ERROR
    return open_window()


# What the CLI prints beyond ASCII (eval's "≈" and "≥", the judge's "σ", names such as "Pérez").
CONSOLE_PROBE = "≈ ≥ σ é —"


def _printable_names() -> None:
    """Output that never fails on a character. A stream whose encoding cannot carry what the
    CLI prints (an ASCII locale, a Windows code page when output is redirected) is switched to
    UTF-8, unless the user chose its encoding (PYTHONIOENCODING); whatever still cannot be
    encoded — a file name that is not valid in it (bytes that are not UTF-8 on Linux) — is
    printed with backslash escapes: "wrote ..." must not fail after the writing."""
    for stream in (sys.stdout, sys.stderr):
        if not hasattr(stream, "reconfigure"):
            continue
        try:
            CONSOLE_PROBE.encode(stream.encoding or "ascii")
            fits = True
        except (UnicodeEncodeError, LookupError):
            fits = False
        if not fits and not os.environ.get("PYTHONIOENCODING"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
        elif getattr(stream, "errors", None) != "backslashreplace":
            stream.reconfigure(errors="backslashreplace")


def _run_command(args) -> int:
    import logging

    from ganstudio.core.errors import GanStudioError
    from ganstudio.core.files.log_file import LOGGER, logging_to_file

    log = logging.getLogger(LOGGER)
    with logging_to_file(f"command line: ganstudio {args.command}") as log_path:
        try:
            status = int(args.func(args) or 0)
        except GanStudioError as exc:
            log.warning("ganstudio %s: error: %s", args.command, exc)
            print(f"ganstudio: error: {exc}", file=sys.stderr)
            return USAGE_ERROR
        except Exception as exc:   # a bug (KeyboardInterrupt and SystemExit pass): its traceback to the log
            log.exception("ganstudio %s: unexpected error", args.command)
            print(crash_line(exc, log_path), file=sys.stderr)
            return CRASH_STATUS
        log.info("ganstudio %s: exit status %d", args.command, status)
        return status


def crash_line(exc: BaseException, log_path) -> str:
    """The one line a bug gets on the console: what it was, and where its details are."""
    what = (str(exc).strip().splitlines() or [""])[0][:200]
    kind = type(exc).__name__ + (f": {what}" if what else "")
    where = (f"the details are in {log_path}" if log_path is not None
             else "no log file could be written (run with GANSTUDIO_LOG_DIR set to a writable folder)")
    return f"ganstudio: internal error: {kind}; this is a bug in GAN Studio, please report it; {where}"
