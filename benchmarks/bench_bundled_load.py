"""How long opening the bundled MNIST takes (the target is well under 0.5 s).

    python benchmarks/bench_bundled_load.py [--repeats 15]

Reports medians of: load_bundled("train") and load_bundled("test") in a warm process, and a
fresh Python process that imports ganstudio.core.data and loads the training split (what a
user waits for at start-up, interpreter start excluded)."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

COLD = ("import time; t = time.perf_counter(); from ganstudio.core.data import load_bundled; "
        "load_bundled('train'); print(time.perf_counter() - t)")


def warm(split: str) -> float:
    from ganstudio.core.data import load_bundled

    start = time.perf_counter()
    load_bundled(split)
    return time.perf_counter() - start


def cold() -> float:
    result = subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True, cwd=REPO, check=True)
    return float(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    times: dict[str, list[float]] = {"warm train (8,000)": [], "warm test (2,000)": [], "fresh process, import + train": []}
    warm("train")  # first touch of the files and of numpy's code paths
    for _ in range(args.repeats):  # interleaved, so machine noise hits all three alike
        times["warm train (8,000)"].append(warm("train"))
        times["warm test (2,000)"].append(warm("test"))
        times["fresh process, import + train"].append(cold())
    for name, values in times.items():
        print(f"{name:<32} median {1000 * statistics.median(values):7.1f} ms   "
              f"min {1000 * min(values):6.1f}   max {1000 * max(values):6.1f}")


if __name__ == "__main__":
    main()
