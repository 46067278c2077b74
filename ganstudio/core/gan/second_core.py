"""Work that can run on the second core while the training thread goes on.

The classic algorithm's check of D on its 2000 images needs nothing that training G changes,
so it can run beside it, on one of the engine's helper threads (core/engine/threads.py: the
one thread policy, which also decides whether there is a helper at all).
"""

from __future__ import annotations

from concurrent.futures import Future

from ganstudio.core.engine import threads

enabled = True  # benchmarks turn it off to compare one thread with one thread


def start_beside(fn, *args) -> Future | None:
    """Start fn(*args) on an idle helper. None when turned off or when no helper is idle (one
    core, OPENBLAS_NUM_THREADS=2 on two cores, where a third busy thread made the seed step
    25 % slower, or the helpers busy): then the caller runs it later in its own thread."""
    if not enabled:
        return None
    return threads.start_beside(fn, *args)
