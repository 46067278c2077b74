"""The `ganstudio` and `ganstudio-gui` entry points: the one place that knows both the command
line and the window. `ganstudio` with a sub-command runs the CLI; bare, it opens the window; and
`ganstudio selftest` runs the window's checks beside the core's. Nothing is imported at the
top: until the CLI has installed its signal handlers, a Ctrl-C would print a traceback."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    # A program of its own from here: one BLAS thread before anything loads NumPy (importing
    # ganstudio as a library leaves the host's environment alone).
    from ganstudio.blas_threads import one_blas_thread

    one_blas_thread()
    try:
        from ganstudio.cli.main import main as command_line
    except KeyboardInterrupt:   # Ctrl-C before the CLI's handlers exist: its line, not a traceback
        print("ganstudio: interrupted by SIGINT; nothing was written", file=sys.stderr)
        return 130
    return command_line(argv, open_window=_open_window, window_checks=_window_checks)


def window() -> int:
    """The `ganstudio-gui` launcher (a gui-script: no console window on Windows): the window only."""
    return main([])


def _open_window() -> int:
    # Qt owns the event loop and the default signal handling from here on.
    from ganstudio.gui.app import run_app

    return run_app()


def _window_checks() -> tuple:
    from ganstudio.gui.selftest_checks import CHECKS

    return CHECKS


if __name__ == "__main__":
    sys.exit(main())
