"""The engine's one thread policy: how many cores training uses, and the helper threads that
give it them.

OpenBLAS keeps one thread (ganstudio/__init__.py): its own threads spin against the GUI thread
and other programs, and they change the sums of some of our shapes (K=784 products differ in
the last bit at two threads), so training numbers would depend on the thread count. The engine
uses more cores itself instead, in two ways that compute exactly what one thread computes:

- `matmul` splits a large product by rows of its output across the training thread and idle
  helpers. Each row of the result is the same BLAS call's sum over the same K, so the bits do
  not depend on the split (checked for every shape of the presets, tests/core/engine).
- the optimizers deal their blocks out to helpers (elementwise work: the same bits).
- `start_beside` runs work that does not depend on the current step (the classic check of D on
  its 2000 images) on a helper while training goes on.
A split only happens while it pays (`SplitGauge`): on a machine whose cores are all busy with
other programs the training thread does the work itself, as before.

NumPy releases the GIL inside matrix products, so plain Python threads get real cores.

The policy (`policy_workers`): threads that compute = the training thread + helpers.
  1 core: 1 (no helper).   2 cores: 2 (the window's GUI thread mostly sleeps between frames,
  measured in benchmarks/bench_gui.py).   4 cores: 4 on the command line, 3 with the window
  (one core's share for the GUI thread).   8 or more: 4 either way (our products are 32-2000
  rows; 4 and 8 cores are a judgement from the sizes, not measured: this was built on 2).
GANSTUDIO_THREADS=n overrides the policy (benchmarks compare 1, 2 and all cores with it).
A user who gives OpenBLAS several threads (OPENBLAS_NUM_THREADS=n) has chosen BLAS's threads:
then no helper splits products, as helpers and BLAS threads together would oversubscribe.
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

MAX_WORKERS = 4
# Below twice this many multiply-adds a product is not split: a hand-off to a helper costs
# ~20 us (a 38 us product of 1.6 M took 55 us split in two, measured on the 2-core machine),
# about what one core needs for 1 M multiply-adds.
MIN_SPLIT_WORK = 4_000_000
MIN_ROWS_PER_PART = 16

_gui = False
_workers: int | None = None        # decided at the first use; `configure` can decide again
_pool: ThreadPoolExecutor | None = None
_free: threading.Semaphore | None = None   # one permit per idle helper
_lock = threading.Lock()


def policy_workers(cores: int, gui: bool, blas: int = 1) -> int:
    """Threads that compute for training (the training thread included): see the module's doc."""
    if blas > 1 or cores <= 1:
        return 1
    if cores == 2:
        return 2
    return min(cores - 1 if gui else cores, MAX_WORKERS)


def configure(gui: bool = False, workers: int | None = None) -> int:
    """Set the policy before training starts: the window passes gui=True; benchmarks and tests
    may force a number of workers (1 = everything on the training thread). Returns it."""
    global _gui, _workers
    with _lock:
        _gui = gui
        if workers is None:
            workers = _chosen_workers() or policy_workers(available_cores(), gui, blas_threads())
        if workers != _workers:
            _forget_pool()
        _workers = workers
        return _workers


def available_cores() -> int:
    """The cores this process may run on: `taskset -c 0` or a container's CPU set gives one
    even on a machine of many, where os.cpu_count() would count them all."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):   # macOS and Windows have no affinity call
        return os.cpu_count() or 1


def _chosen_workers() -> int | None:
    """GANSTUDIO_THREADS=n: the user's (or a benchmark's) number of computing threads."""
    try:
        return max(1, int(os.environ["GANSTUDIO_THREADS"]))
    except (KeyError, ValueError):
        return None


def workers() -> int:
    if _workers is None:
        configure(_gui)
    return _workers


def blas_threads() -> int:
    """OpenBLAS's thread count, read where it reads it (at load, in this order); all cores
    when none is set (OpenBLAS counts every core, not the affinity), as when NumPy was imported
    before ganstudio could set one."""
    for name in ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"):
        try:
            value = int(os.environ.get(name, ""))
        except ValueError:
            continue
        if value > 0:
            return value
    return os.cpu_count() or 1


def _helpers() -> tuple[ThreadPoolExecutor, threading.Semaphore] | None:
    global _pool, _free
    n = workers() - 1
    if n <= 0:
        return None
    with _lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=n, thread_name_prefix="ganstudio-beside")
            _free = threading.Semaphore(n)
        return _pool, _free


def _forget_pool() -> None:
    """Let the next split make a pool of the new size. The old one is not shut down: a thread
    may be handing it a part right now; its idle threads end when it is collected."""
    global _pool, _free
    _pool = _free = None


def _take_helpers(wanted: int) -> tuple[ThreadPoolExecutor | None, threading.Semaphore | None, int]:
    """Up to `wanted` idle helpers, without waiting: a busy helper means its core is taken."""
    helpers = _helpers()
    if helpers is None:
        return None, None, 0
    pool, free = helpers
    taken = 0
    while taken < wanted and free.acquire(blocking=False):
        taken += 1
    return pool, free, taken


def _run_and_free(free: threading.Semaphore, fn, *args):
    try:
        # np.errstate is per thread: overflow on a helper is reported by the loop's NaN check.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            return fn(*args)
    finally:
        free.release()


def start_beside(fn, *args) -> Future | None:
    """Start fn(*args) on an idle helper. None when there is none (one worker, or all busy):
    then the caller runs it later in its own thread."""
    pool, free, taken = _take_helpers(1)
    if not taken:
        return None
    return pool.submit(_run_and_free, free, fn, *args)


def parts_for(work: int, rows: int) -> int:
    """How many parts a product of `rows` rows and `work` multiply-adds is worth splitting into."""
    return max(1, min(workers(), rows // MIN_ROWS_PER_PART, work // MIN_SPLIT_WORK))


class SplitGauge:
    """Whether splitting pays on this machine now. An idle helper thread is not an idle core:
    when other programs keep every core busy (a shared machine at load 8 on 2 cores), a helper
    that has started its part is preempted and the training thread waits for it (mlp 0.6-0.7x
    of in-line, measured). So each split is timed: it took `total` seconds where in line it
    would have taken about `in_line` (this thread's share, scaled to all parts). A running
    average of their ratio
    above PAYS_BELOW stops splitting for BACK_OFF splits' worth of calls, after which a few
    probes decide again. Only where work runs changes, never what it computes."""

    PAYS_BELOW = 0.95
    WEIGHT = 0.1           # of the newest split in the running average
    BACK_OFF = 400         # calls in line before probing again (~1 s of the mlp preset)
    PROBE_START = 0.85     # a few bad probes (~4) in a row before backing off again

    def __init__(self) -> None:
        self.ratio = self.PROBE_START
        self.skip = 0

    def wanted(self) -> bool:
        if self.skip:
            self.skip -= 1
            return False
        return True

    def record(self, in_line: float, total: float) -> None:
        if in_line <= 0.0:
            return
        self.ratio += self.WEIGHT * (total / in_line - self.ratio)
        if self.ratio > self.PAYS_BELOW:
            self.skip, self.ratio = self.BACK_OFF, self.PROBE_START


_gauge = SplitGauge()


def run_parts(task, parts: int) -> None:
    """task(0), ..., task(parts - 1), each part on an idle helper where there is one and
    splitting pays (SplitGauge), the rest on this thread. The parts must be independent: what
    each computes does not depend on where or when it runs, so the result is the same bits as
    task(0..parts-1) in a row."""
    if parts < 2 or not _gauge.wanted():
        for i in range(parts):
            task(i)
        return
    pool, free, taken = _take_helpers(parts - 1)
    start = time.perf_counter()
    pending = [(i, pool.submit(_run_and_free, free, task, i)) for i in range(1, taken + 1)]
    for i in range(taken + 1, parts):   # no idle helper for these
        task(i)
    task(0)
    own = time.perf_counter() - start
    for i, future in pending:
        _finish_part(future, free, task, i)
    if taken:
        _gauge.record(own * parts / (parts - taken), time.perf_counter() - start)


def _finish_part(future: Future, free: threading.Semaphore, task, i: int) -> None:
    """Wait for a helper's part, or take it back if the helper has not started it: on a busy
    machine (other programs on every core) waiting for a helper to be scheduled cost more than
    the split saved (mlp 0.8x at load 4.5 on 2 cores); taking the part back keeps the in-line
    speed there and the same bits (the same work on the same data)."""
    if future.cancel():
        free.release()   # _run_and_free never ran, so its permit is still taken
        task(i)
    else:
        future.result()


def matmul(a: np.ndarray, b: np.ndarray, out: np.ndarray) -> np.ndarray:
    """np.matmul(a, b, out=out), its rows shared among idle helpers when it is large enough.
    The same bits as one call: every output row is computed by the same kind of BLAS call
    over the same K (checked for every preset's shapes in tests/core/engine)."""
    rows = a.shape[0]
    work = rows * a.shape[1] * b.shape[1]
    if work < 2 * MIN_SPLIT_WORK or _workers == 1:   # most products of small presets: no more
        return np.matmul(a, b, out=out)           # Python than the call itself
    parts = parts_for(work, rows)
    if parts < 2:
        return np.matmul(a, b, out=out)

    def rows_product(i: int) -> None:
        lo, hi = rows * i // parts, rows * (i + 1) // parts
        np.matmul(a[lo:hi], b, out=out[lo:hi])

    run_parts(rows_product, parts)
    return out
