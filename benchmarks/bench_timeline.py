"""What keeping the timeline (core/training/timeline.py) costs the engine: steps/s of two identical
sessions, one keeping its timeline as the app does and one whose timeline never takes a frame,
timed side by side in alternating blocks (so both see the same machine load), medians.

    python benchmarks/bench_timeline.py [--preset fast] [--repeats 15] [--block 200]

Each block is `--block` iterations; at the first spacing (a frame every 100 iterations, the run's
first 6,400; every 10 for the classic algorithm) every block holds its share of frames, the most
the timeline ever costs: later the spacing doubles each time the 64 frames fill, and the cost
halves with it.
"""

from __future__ import annotations

import argparse
import statistics
import time

from ganstudio.blas_threads import one_blas_thread  # noqa: E402,I001

one_blas_thread()   # one BLAS thread, as the app: before NumPy loads (import ganstudio no longer sets it)
from ganstudio.core.config.overrides import with_overrides  # noqa: E402
from ganstudio.core.config.presets import get_preset  # noqa: E402
from ganstudio.core.data import load_bundled  # noqa: E402
from ganstudio.core.training.session import TrainingSession  # noqa: E402
from ganstudio.core.training.timeline import Timeline, first_spacing  # noqa: E402


def timed_block(session: TrainingSession, iterations: int) -> float:
    began = time.perf_counter()
    for _ in range(iterations):
        session.run_iteration()
    return iterations / (time.perf_counter() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="fast")
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--block", type=int, help="iterations per block (default: two frames' worth)")
    args = parser.parse_args()
    config = with_overrides(get_preset(args.preset), {"iterations": 10 ** 9})
    args.block = args.block or 2 * first_spacing(config)
    data = load_bundled()
    keeping, not_keeping = TrainingSession(config, data), TrainingSession(config, data)
    not_keeping.use_timeline(Timeline(spacing=10 ** 12))   # its frame of iteration 0 only
    for session in (keeping, not_keeping):   # warm up (first allocations, caches)
        timed_block(session, 5)
    # The frames' own time, measured inside the loop: a figure the machine's noise hardly moves.
    drawing = {"seconds": 0.0, "frames": 0}
    draw = keeping.grid_sample

    def timed_draw():
        began = time.perf_counter()
        images = draw()
        drawing["seconds"] += time.perf_counter() - began
        drawing["frames"] += 1
        return images

    keeping.grid_sample = timed_draw
    with_rates, without_rates, ratios = [], [], []
    timed_seconds = 0.0
    for repeat in range(args.repeats):
        pair = [(keeping, with_rates), (not_keeping, without_rates)]
        if repeat % 2:
            pair.reverse()   # neither always goes first
        for session, rates in pair:
            rates.append(timed_block(session, args.block))
            if session is keeping:
                timed_seconds += args.block / rates[-1]
        ratios.append(with_rates[-1] / without_rates[-1])
    with_median, without_median = statistics.median(with_rates), statistics.median(without_rates)
    print(f"preset {args.preset}, {args.repeats} pairs of {args.block}-iteration blocks, "
          f"iterations {keeping.iteration - args.block * args.repeats}..{keeping.iteration}")
    print(f"  with timeline    {with_median:8.2f} steps/s (median)  frames kept {len(keeping.timeline)}, "
          f"spacing {keeping.timeline.spacing}")
    print(f"  without timeline {without_median:8.2f} steps/s (median)")
    print(f"  ratio with/without: median of pairs {statistics.median(ratios):.4f} "
          f"(pairs from {min(ratios):.3f} to {max(ratios):.3f})")
    per_frame = drawing["seconds"] / max(drawing["frames"], 1)
    print(f"  drawing the frames: {drawing['frames']} frames, {per_frame * 1e3:.2f} ms each, "
          f"{drawing['seconds'] / timed_seconds:.2%} of the timed training")


if __name__ == "__main__":
    main()
