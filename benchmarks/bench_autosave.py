"""What the window's autosave (gui/window/autosave.py) costs: the time save_checkpoint takes to
write a session atomically, and the file's size, for a preset after some seconds of training.

    python benchmarks/bench_autosave.py [--preset fast] [--seconds 20 60] [--repeats 7]

The timeline and history grow with training (both bounded), so each preset is measured after
each of `--seconds` of training; times are medians of `--repeats` writes to a temporary folder.
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


def train_for(session: TrainingSession, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
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
    parser.add_argument("--preset", nargs="+", default=["fast", "seed"])
    parser.add_argument("--seconds", nargs="+", type=float, default=[20.0, 60.0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    data = load_bundled()
    with tempfile.TemporaryDirectory() as folder:
        for preset in args.preset:
            session = TrainingSession(with_overrides(get_preset(preset), {"iterations": 10 ** 9}), data)
            trained = 0.0
            for seconds in sorted(args.seconds):
                train_for(session, seconds - trained)
                trained = seconds
                path = Path(folder) / f"{preset}.npz"
                times = timed_saves(session, path, args.repeats)
                print(f"{preset:>6} after {seconds:4.0f} s ({session.iteration:,} iterations): "
                      f"save median {statistics.median(times) * 1000:.0f} ms "
                      f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}), "
                      f"{path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
