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
    """Start fn(*args) on the shared worker thread. None when turned off, or when BLAS already
    has a thread on every core (a 1-core machine, or OPENBLAS_NUM_THREADS=2 on two cores,
    where a third busy thread made the seed step 25 % slower): then the caller runs it later
    in its own thread."""
    global _worker
    if not enabled or blas_threads() >= (os.cpu_count() or 1):
        return None
    if _worker is None:
        _worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ganstudio-beside")
    return _worker.submit(_quiet, fn, *args)


def _quiet(fn, *args):
    # np.errstate is per thread: overflow here is reported by the loop's NaN check instead.
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        return fn(*args)


def blas_threads() -> int:
    """OpenBLAS's thread count, read where it reads it (at load, in this order); all cores
    when none is set, as when NumPy was imported before ganstudio could set one."""
    for name in ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"):
        try:
            value = int(os.environ.get(name, ""))
        except ValueError:
            continue
        if value > 0:
            return value
    return os.cpu_count() or 1
