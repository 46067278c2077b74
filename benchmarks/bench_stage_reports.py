"""What stage reports (core/training/stage_report.py) cost: the training loop with and without them in
the code, side by side, and a stepped stage with and without its report.

    python benchmarks/bench_stage_reports.py --before /tmp/base [--rounds 5] [--iterations 40]

--before is a source tree of GAN Studio without stage reports (e.g. `git archive <commit>
ganstudio assets | tar -x -C /tmp/base`); this tree is "after". Each round runs each tree in a
fresh process, in turns (before, after; then after, before; ...), so both see the same machine
load; the table gives the median steps/s per preset and the median of the rounds' after/before
ratios. Then, in this tree, the median time of each stage of `seed` stepped plainly and stepped
with its report.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
PRESETS = ("seed", "fast")

LOOP = """
import json, sys, time
from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset
from ganstudio.core.data import load_bundled
from ganstudio.core.training.session import TrainingSession
preset, iterations = sys.argv[1], int(sys.argv[2])
session = TrainingSession(with_overrides(get_preset(preset), {"iterations": iterations + 5,
                                                              "stop_rule": "none"}), load_bundled())
for _ in range(5):
    session.run_iteration()          # warm-up: buffers, BLAS
began = time.perf_counter()
for _ in session.run():
    pass
print(json.dumps(iterations / (time.perf_counter() - began)))
"""


def loop_rate(tree: Path, preset: str, iterations: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(tree))
    if not any(name.endswith("_NUM_THREADS") for name in env):   # one BLAS thread, as the app runs
        env.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    out = subprocess.run([sys.executable, "-c", LOOP, preset, str(iterations)], env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def stage_costs(rounds: int) -> dict:
    sys.path.insert(0, str(HERE))
    from ganstudio.core.config.presets import get_preset
    from ganstudio.core.data import load_bundled
    from ganstudio.core.training.session import TrainingSession
    from ganstudio.core.training.stage_report import run_reported_stage

    data = load_bundled()
    times: dict = {}
    for reported in (False, True) * rounds:
        session = TrainingSession(get_preset("seed"), data)
        for _ in session.stage_names:
            name = session.stage_names[session.stage_index]
            began = time.perf_counter()
            run_reported_stage(session) if reported else session.run_stage()
            times.setdefault((name, reported), []).append(time.perf_counter() - began)
    return {key: statistics.median(values) for key, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--iterations", type=int, default=40)
    args = parser.parse_args()
    print(f"{'preset':8} {'before it/s':>12} {'after it/s':>12} {'after/before':>13}")
    for preset in PRESETS:
        rates = {"before": [], "after": []}
        trees = {"before": args.before, "after": HERE}
        for round_ in range(args.rounds):
            # Who goes first alternates too: the second of a pair met a warmer, busier machine.
            for which in ("before", "after") if round_ % 2 == 0 else ("after", "before"):
                rates[which].append(loop_rate(trees[which], preset, args.iterations))
        before, after = statistics.median(rates["before"]), statistics.median(rates["after"])
        ratio = statistics.median(a / b for a, b in zip(rates["after"], rates["before"]))
        print(f"{preset:8} {before:12.2f} {after:12.2f} {ratio:13.3f}")
    print("\nseed, one stepped stage (median ms): plain, with its report")
    costs = stage_costs(args.rounds)
    for name in dict.fromkeys(stage for stage, _ in costs):
        print(f"  {name:20} {1000 * costs[name, False]:8.1f} {1000 * costs[name, True]:8.1f}")


if __name__ == "__main__":
    main()
