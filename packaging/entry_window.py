"""What the frozen windowed launcher runs on Windows and macOS (`ganstudio-gui`, built without
a console): the window only, as the installed gui-script does. Linux needs no second binary:
there a program started from the menu opens no terminal whatever it is built as."""

import sys

from ganstudio.blas_threads import one_blas_thread

one_blas_thread()   # before anything imports NumPy (launcher.main does it too)

from ganstudio.launcher import window  # noqa: E402

if __name__ == "__main__":
    sys.exit(window())
