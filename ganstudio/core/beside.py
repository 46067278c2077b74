"""Work that can run on the second core while the training thread goes on.

The classic algorithm's check of D on its 2000 images needs nothing that training G changes,
so it can run beside it. NumPy's matrix products and large ufunc loops release the GIL, so a
plain Python thread gets a real second core; each thread keeps one BLAS thread (see
ganstudio/__init__.py), so two of them never oversubscribe a 2-core machine.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

_worker: ThreadPoolExecutor | None = None
enabled = True  # benchmarks turn it off to compare one thread with one thread


def start_beside(fn, *args) -> Future | None:
    """Start fn(*args) on the shared worker thread; None when turned off or on a 1-core
    machine, where running it later in the caller's thread is as fast and simpler."""
    global _worker
    if not enabled or (os.cpu_count() or 1) < 2:
        return None
    if _worker is None:
        _worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ganstudio-beside")
    return _worker.submit(_quiet, fn, *args)


def _quiet(fn, *args):
    # np.errstate is per thread: overflow here is reported by the loop's NaN check instead.
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        return fn(*args)
