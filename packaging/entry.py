"""What the frozen `ganstudio` binary runs: the same entry point as the installed command, so
the one binary is both the window (bare `ganstudio`) and the CLI."""

import sys

from ganstudio.blas_threads import one_blas_thread

one_blas_thread()   # before anything imports NumPy (launcher.main does it too)

from ganstudio.launcher import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
