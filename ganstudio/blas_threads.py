"""One BLAS thread unless the user chose otherwise, for the programs GAN Studio starts (the
`ganstudio` command, the frozen app, `python -m ganstudio`) — never on `import ganstudio`:
a library must not change its host process's environment.

Our matrices are small (100–1024 wide): on a 2-core machine OpenBLAS's extra threads spin
against the GUI thread and any other program, and measured here made training 4x slower under
load. It only takes effect before NumPy is imported."""

from __future__ import annotations

import os
import sys

THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread(environ=None) -> bool:
    """Sets the BLAS thread variables to 1 if NumPy is not loaded yet and the user set none of
    them (any one set means the user has chosen; OpenBLAS reads ours first). True if it did."""
    environ = os.environ if environ is None else environ
    if "numpy" in sys.modules or any(name in environ for name in THREAD_VARIABLES):
        return False
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        environ[name] = "1"
    return True
