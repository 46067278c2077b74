"""What the window's autosave (gui/window/autosave.py) costs: the time save_checkpoint takes to
write a session atomically, and the file's size, for a preset after some iterations of training.

    python benchmarks/bench_autosave.py [--preset fast:5000 seed:500] [--repeats 9]

The timeline and history grow with training (both bounded), so each preset is measured at a
fixed iteration; times are medians of `--repeats` writes to a temporary folder.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset
from ganstudio.core.data import load_bundled
from ganstudio.core.formats.checkpoint import save_checkpoint
from ganstudio.core.training.session import TrainingSession


def train_to(session: TrainingSession, iteration: int) -> None:
    while session.iteration < iteration:
        session.run_iteration()


def timed_saves(session: TrainingSession, path: Path, repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        save_checkpoint(session, path)
        times.append(time.perf_counter() - began)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", nargs="+", default=["fast:5000", "seed:500"],
                        help="PRESET:ITERATIONS")
    parser.add_argument("--repeats", type=int, default=9)
    args = parser.parse_args()
    data = load_bundled()
    with tempfile.TemporaryDirectory() as folder:
        for wanted in args.preset:
            preset, iterations = wanted.split(":")
            session = TrainingSession(with_overrides(get_preset(preset), {"iterations": 10 ** 9}), data)
            train_to(session, int(iterations))
            path = Path(folder) / f"{preset}.npz"
            times = timed_saves(session, path, args.repeats)
            print(f"{preset:>6} at {session.iteration:,} iterations: "
                  f"save median {statistics.median(times) * 1000:.0f} ms "
                  f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}), "
                  f"{path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
