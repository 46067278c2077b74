"""GAN Studio: watch a GAN learn to draw handwritten digits, live, on a laptop CPU."""

import os as _os
import sys as _sys

__version__ = "0.1.0"

# One BLAS thread unless the user chose otherwise. Our matrices are small (100–1024 wide):
# on a 2-core machine OpenBLAS's extra threads spin against the GUI thread and any other
# program, and measured here made training 4x slower under load. It only takes effect if
# NumPy has not been imported yet, which is the case for the `ganstudio` command.
_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
if "numpy" not in _sys.modules and not any(_name in _os.environ for _name in _THREAD_VARIABLES):
    # Any one of them set means the user has chosen; OpenBLAS would read ours first.
    for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        _os.environ[_name] = "1"
