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
Splitting products and updates is on from 4 cores, or when GANSTUDIO_THREADS=n is set; on
2 cores it measured slower than in line on the (always loaded) machine it was built on, so
there the helper only runs work beside training, as before. GANSTUDIO_THREADS=n overrides
the policy (benchmarks compare 1, 2 and all cores with it).
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

SPLIT_FROM_CORES = 4

_gui = False
_splits = False                    # products and updates split among helpers (see configure)
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
    global _gui, _workers, _splits
    with _lock:
        _gui = gui
        chosen = workers or _chosen_workers()
        cores = available_cores()
        workers = chosen or policy_workers(cores, gui, blas_threads())
        # Splitting products and updates measured 0.87-0.94x of in line on the 2-core machine
        # (always shared, load 5-12), so on 2 cores the helper only runs work beside training
        # unless a number of threads is chosen; from 4 cores on, splits are on (not measured).
        _splits = workers > 1 and (chosen is not None or cores >= SPLIT_FROM_CORES)
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


def splits() -> bool:
    """Whether products and optimizer updates are split among helpers (see configure)."""
    return _splits


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
    """Whether splitting pays, per kind of work (a product's shapes, an optimizer's size), on
    this machine now. An idle helper thread is not an idle core: when other programs keep every
    core busy (a shared machine at load 5-9 on 2 cores) a helper that has started its part is
    preempted and the training thread waits for it, and half a product's rows run less
    efficiently than all of them. So both ways are timed, in line and split, as running
    averages under the same load, and each call takes the faster; every EXPLORE_EVERY-th call
    of a kind tries the other way, so a change of load is noticed. Only where work runs
    changes, never what it computes."""

    EXPLORE_EVERY = 32
    WEIGHT = 0.2   # of the newest time in a running average

    def __init__(self) -> None:
        self.kinds: dict = {}   # kind -> [in-line seconds, split seconds, calls]

    def wanted(self, kind) -> bool:
        times = self.kinds.setdefault(kind, [None, None, 0])
        times[2] += 1
        in_line, split, calls = times
        if in_line is None or split is None:   # measure each way once first
            return in_line is not None
        return (split < in_line) != (calls % self.EXPLORE_EVERY == 0)

    def record(self, kind, split: bool, seconds: float) -> None:
        times = self.kinds.setdefault(kind, [None, None, 0])
        old = times[split]
        times[split] = seconds if old is None else old + self.WEIGHT * (seconds - old)


_gauge = SplitGauge()


def run_parts(task, parts: int, kind, whole) -> None:
    """task(0), ..., task(parts - 1), each part on an idle helper where there is one and
    splitting this `kind` of work pays (SplitGauge); whole() instead, in line, where it does not
    (one BLAS call on all rows is faster than its parts one after the other). The parts must be
    independent and together what whole() computes, bit for bit: what each computes does not
    depend on where or when it runs."""
    start = time.perf_counter()
    taken = 0
    if parts > 1 and _gauge.wanted(kind):
        pool, free, taken = _take_helpers(parts - 1)
    if not taken:
        whole()
        if parts > 1:
            _gauge.record(kind, False, time.perf_counter() - start)
        return
    pending = [(i, pool.submit(_run_and_free, free, task, i)) for i in range(1, taken + 1)]
    for i in range(taken + 1, parts):   # no idle helper for these
        task(i)
    task(0)
    for i, future in pending:
        _finish_part(future, free, task, i)
    _gauge.record(kind, True, time.perf_counter() - start)


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
    if not _splits:   # the 2-core default, and 1 core: one global read more than np.matmul
        return np.matmul(a, b, out=out)
    rows = a.shape[0]
    work = rows * a.shape[1] * b.shape[1]
    if work < 2 * MIN_SPLIT_WORK:   # most products of the small presets
        return np.matmul(a, b, out=out)
    parts = parts_for(work, rows)
    if parts < 2:
        return np.matmul(a, b, out=out)

    def rows_product(i: int) -> None:
        lo, hi = rows * i // parts, rows * (i + 1) // parts
        np.matmul(a[lo:hi], b, out=out[lo:hi])

    # The kind: the shapes, and whether a is a transposed view (x.T @ dy runs at its own speed).
    run_parts(rows_product, parts, ("matmul", a.shape, b.shape, a.flags.c_contiguous),
              lambda: np.matmul(a, b, out=out))
    return out


configure()   # the command line's policy from the start; the window decides again (gui=True)
