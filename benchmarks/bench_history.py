"""What the bounded history costs the loop per iteration, against the dict of lists it replaced:
the append alone, and the append plus the stopping rule's read of the last 1,000 values.

Usage: python benchmarks/bench_history.py [--iterations 300000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ganstudio.blas_threads import one_blas_thread  # noqa: E402,I001

one_blas_thread()   # one BLAS thread, as the app: before NumPy loads (import ganstudio no longer sets it)
from ganstudio.core.config.overrides import with_overrides  # noqa: E402
from ganstudio.core.config.presets import get_preset  # noqa: E402
from ganstudio.core.training.metric_history import COLUMNS, MetricHistory  # noqa: E402
from ganstudio.core.training.stopping import stop_reason  # noqa: E402


def run_lists(count: int, config) -> float:
    """The loop's history before: one list per column, grown forever."""
    history = {key: [] for key in COLUMNS}
    stats = SimpleNamespace(d_real=0.5, d_fake=0.5, rounded_mean=0.5, d_loss=1.3, g_loss=0.7)
    started = time.perf_counter()
    for iteration in range(1, count + 1):
        for key in COLUMNS:
            history[key].append(iteration if key == "iteration" else getattr(stats, key))
        if config is not None:
            stop_reason(config, history)
    return (time.perf_counter() - started) / count


def run_bounded(count: int, config) -> float:
    history = MetricHistory()
    stats = SimpleNamespace(d_real=0.5, d_fake=0.5, rounded_mean=0.5, d_loss=1.3, g_loss=0.7)
    started = time.perf_counter()
    for iteration in range(1, count + 1):
        history.append((iteration, stats.d_real, stats.d_fake, stats.rounded_mean,
                        stats.d_loss, stats.g_loss))
        if config is not None:
            stop_reason(config, history)
    return (time.perf_counter() - started) / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=300_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    # The equilibrium rule never fires here (tolerance 0): it reads 1,000 values every iteration.
    rule = with_overrides(get_preset("fast"), {"stop_rule": "equilibrium", "stop_tolerance": 0.0,
                                               "equilibrium_window": 1000})
    for label, config, count in (("append only", None, args.iterations),
                                 ("append + equilibrium rule (1,000)", rule, args.iterations // 10)):
        lists, bounded = [], []
        for _ in range(args.repeats):   # interleaved: the machine is shared and noisy
            lists.append(run_lists(count, config))
            bounded.append(run_bounded(count, config))
        a, b = statistics.median(lists) * 1e6, statistics.median(bounded) * 1e6
        print(f"{label:36s} lists {a:6.2f} µs   bounded {b:6.2f} µs   ({count:,} iterations, "
              f"median of {args.repeats})")


if __name__ == "__main__":
    main()
