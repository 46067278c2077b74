"""Speed of the NumPy engine, side by side with PyTorch on the CPU when it is installed.

    python benchmarks/bench_engine.py [--threads 1,2] [--repeats 15] [--block 0.3]
                                      [--full-threads 1] [--full-iterations 1500]
                                      [--skip-full] [--no-torch]

Three shapes, each one whole training iteration of the engine:
  seed      the classic algorithm: D for one epoch over 1000 real + 1000 fake in mini-batches
            of 100, then the stacked G for one epoch over 1000 noise rows (classic.py)
  mlp-64    the `mlp` preset, batch 64: one D step and one G step (minibatch.py)
  mlp-256   the same with batch 256

Each thread count runs in its own process, with OPENBLAS_NUM_THREADS set for that process only
(OpenBLAS reads it once, at load) and torch.set_num_threads to the same number. Inside it each
shape is timed in blocks of about --block seconds per implementation, in which engine and torch
take turns every ~50 ms (engine, torch, engine, torch, ...) so both see the same machine load;
the table gives the median steps/s of each and the median of the per-block ratios.
A fourth row, "seed, D's check beside G", times the same seed step the way the app runs it:
the check of D on the 2000 images on a second Python thread while G trains (core/gan/second_core.py),
in blocks of its own against the in-line step (no torch: its ratio to the in-line step is
printed under the table).
Then the `seed` preset's full 1500-iteration run is timed through TrainingSession.run() in a
fresh process, whose peak resident memory (VmHWM on Linux, else ru_maxrss) is reported.

PyTorch is optional (not a GAN Studio dependency); without it only engine numbers are printed.
"""

from __future__ import annotations

import argparse
import collections
import importlib.metadata
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHAPES = {  # name -> (preset, overrides)
    "seed": ("seed", {}),
    "mlp-64": ("mlp", {"batch_size": 64}),
    "mlp-256": ("mlp", {"batch_size": 256}),
}


# ---------------------------------------------------------------------------- machine facts
def machine_facts() -> dict:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import numpy

    facts = {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "load": load_average(),
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "torch": _torch_version() or "not installed",
        "openblas_env": {k: v for k, v in os.environ.items() if k.startswith("OPENBLAS")} or "none set",
    }
    return facts


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"


def _torch_version() -> str | None:
    """torch's version without importing it (an import would add ~190 MiB to this process)."""
    try:
        if importlib.util.find_spec("torch") is None:
            return None
    except (ImportError, ValueError):  # blocked in sys.modules
        return None
    try:
        return importlib.metadata.version("torch")
    except importlib.metadata.PackageNotFoundError:
        return "unknown version"


# ---------------------------------------------------------------------------- worker: shapes
def _sys_path() -> None:
    if str(REPO) not in sys.path:  # run from a checkout without installing
        sys.path.insert(0, str(REPO))


def _engine_algorithm(dataset, shape: str, beside: bool = False):
    """One iteration of the engine as a step function. beside=True lets the classic algorithm
    check D on the second core while G trains (what the app does); the like-for-like rows
    against torch at one thread run everything in the one thread."""
    from ganstudio.core.config.overrides import with_overrides
    from ganstudio.core.config.presets import get_preset
    from ganstudio.core.gan import second_core as beside_module
    from ganstudio.core.training.session import TrainingSession

    preset, overrides = SHAPES[shape]
    config = with_overrides(get_preset(preset), overrides)
    algorithm = TrainingSession(config, dataset).algorithm

    def step():
        beside_module.enabled = beside
        for name in algorithm.stage_names:
            algorithm.run_stage(name)
    return config, algorithm, step


def _torch_step(config, algorithm):
    # benchmarks/ is on sys.path: this file runs as a script from there.
    from torch_reference import TorchClassic, TorchMinibatch

    if config.algorithm == "classic":
        return TorchClassic(config, algorithm.data, algorithm.noise_pool, config.seed).step
    return TorchMinibatch(config, algorithm.data, config.seed).step


GROUP_SECONDS = 0.05  # consecutive steps of one implementation: its caches stay warm


def _step_seconds(step) -> float:
    """One step's time, after one warm-up step."""
    step()
    start = time.perf_counter()
    step()
    return max(time.perf_counter() - start, 1e-6)


def _seconds(step, n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        step()
    return time.perf_counter() - start


def _block_rates(steps: list, group: int, groups: int) -> list[float]:
    """steps/s of each implementation over one block in which they take turns, `group` steps
    at a time, so that load changes during the block hit all of them alike."""
    seconds = [0.0] * len(steps)
    for _ in range(groups):
        for i, step in enumerate(steps):
            seconds[i] += _seconds(step, group)
    return [group * groups / s for s in seconds]


def _matmul_ms(repeats: int) -> float:
    """(100x784) @ (784x100) in float32: the D layer's shape, the simplest view of BLAS threads."""
    import numpy as np

    rng = np.random.default_rng(0)
    a = rng.random((100, 784), dtype=np.float32)
    b = rng.random((784, 100), dtype=np.float32)
    out = np.empty((100, 100), np.float32)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(50):
            np.matmul(a, b, out=out)
        times.append((time.perf_counter() - start) / 50 * 1e3)
    return statistics.median(times)


def worker_shapes(threads: int, repeats: int, block: float, with_torch: bool) -> dict:
    _sys_path()
    from ganstudio.core.data import load_bundled

    if with_torch:
        try:
            import torch
        except ImportError as exc:  # installed but unusable: engine numbers only
            print(f"torch cannot be imported ({exc}); engine only", file=sys.stderr)
            with_torch = False
        else:
            torch.set_num_threads(threads)
    dataset = load_bundled("train")
    plans = {}  # shape -> (steps, group, groups)
    for shape in SHAPES:
        config, algorithm, step = _engine_algorithm(dataset, shape)
        steps = [step] + ([_torch_step(config, algorithm)] if with_torch else [])
        plans[shape] = _plan(steps, block)
    # The app's way against the same step in line, in blocks of their own: a step that follows
    # torch's at 2 threads runs slower while torch's threads spin down (measured 0.82x).
    plans[BESIDE] = _plan([_engine_algorithm(dataset, "seed")[2],
                           _engine_algorithm(dataset, "seed", beside=True)[2]], block)
    rates = {shape: {"engine": [], "torch": []} for shape in SHAPES}
    rates[BESIDE] = {"engine": [], "torch": [], "in_line": []}
    for _ in range(repeats):
        for shape, (steps, group, groups) in plans.items():
            block_rates = _block_rates(steps, group, groups)
            if shape == BESIDE:
                rates[BESIDE]["in_line"].append(block_rates[0])
                rates[BESIDE]["engine"].append(block_rates[1])
                continue
            rates[shape]["engine"].append(block_rates[0])
            if with_torch:
                rates[shape]["torch"].append(block_rates[1])
    return {"threads": threads, "rates": rates, "matmul_ms": _matmul_ms(repeats)}


def _plan(steps: list, block: float) -> tuple[list, int, int]:
    """(steps, steps per turn, turns per block) for timing blocks of about `block` seconds."""
    slowest = max(_step_seconds(s) for s in steps)
    group = max(1, round(GROUP_SECONDS / slowest))
    return steps, group, max(1, round(block / (group * slowest)))


BESIDE = "seed, D's check beside G"


# ---------------------------------------------------------------------------- worker: full run
def peak_memory_mib() -> tuple[float, str]:
    """This process's peak resident memory and how it was measured. On Linux, VmHWM: the
    ru_maxrss of a child process starts at its parent's peak (it survives fork and exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024, "VmHWM"
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # bytes on macOS, KiB elsewhere
    return peak / (2 ** 20 if sys.platform == "darwin" else 1024), "ru_maxrss"


def worker_full(iterations: int) -> dict:
    _sys_path()
    from ganstudio.core.config.overrides import with_overrides
    from ganstudio.core.config.presets import get_preset
    from ganstudio.core.data import load_bundled
    from ganstudio.core.training.session import TrainingSession

    start = time.perf_counter()
    config = with_overrides(get_preset("seed"), {"iterations": iterations})
    session = TrainingSession(config, load_bundled("train"))
    setup = time.perf_counter() - start
    start = time.perf_counter()
    last = collections.deque(session.run(log_every=100), maxlen=1)[0]   # the final record
    wall = time.perf_counter() - start
    peak, how = peak_memory_mib()
    return {"iterations": last.iteration, "seconds": wall, "setup_seconds": setup,
            "peak_mib": peak, "peak_how": how, "d_real": last.d_real, "d_fake": last.d_fake}


# ---------------------------------------------------------------------------- the parent
def _run_worker(args: list[str], threads: int) -> dict:
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads))
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], env=env,
                         cwd=REPO, check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _spread(values: list[float], digits: int = 1) -> str:
    """median (first quartile–third quartile): how noisy the machine was."""
    if len(values) < 2:
        return f"{_median(values):.{digits}f}"
    q1, _, q3 = statistics.quantiles(values, n=4)
    return f"{_median(values):.{digits}f} ({q1:.{digits}f}–{q3:.{digits}f})"


def shape_table(results: list[dict]) -> str:
    head = "| shape | threads | engine steps/s | torch steps/s | engine/torch | 100x784@784x100 ms |"
    rows = [head, "|" + "---|" * 6]
    for result in results:
        for shape, rates in result["rates"].items():
            engine = _spread(rates["engine"])
            if rates["torch"]:
                torch_rate = _spread(rates["torch"])
                ratio = _spread([e / t for e, t in zip(rates["engine"], rates["torch"])], 2)
            else:
                torch_rate = ratio = "—"
            rows.append(f"| {shape} | {result['threads']} | {engine} | {torch_rate} | {ratio} "
                        f"| {result['matmul_ms']:.3f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", default="1,2", help="comma-separated BLAS/torch thread counts")
    parser.add_argument("--repeats", type=int, default=15, help="interleaved timing blocks per shape")
    parser.add_argument("--block", type=float, default=0.3, help="seconds per timing block")
    parser.add_argument("--full-threads", type=int, default=1, help="threads for the seed run")
    parser.add_argument("--full-iterations", type=int, default=1500, help="length of the seed run")
    parser.add_argument("--skip-full", action="store_true", help="skip the seed run")
    parser.add_argument("--no-torch", action="store_true", help="engine numbers only")
    parser.add_argument("--worker", choices=("shapes", "full"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker == "full":  # before anything imports torch, which would inflate the peak
        print(json.dumps(worker_full(args.full_iterations)))
        return 0
    with_torch = not args.no_torch and _torch_version() is not None
    thread_counts = [int(t) for t in args.threads.split(",") if t]
    if args.worker == "shapes":
        print(json.dumps(worker_shapes(thread_counts[0], args.repeats, args.block, with_torch)))
        return 0

    facts = machine_facts()
    print("## Engine benchmark\n")
    for key, value in facts.items():
        print(f"- {key}: {value}")
    if "OPENBLAS_NUM_THREADS" in os.environ:
        print("- note: OPENBLAS_NUM_THREADS is overridden per run below by --threads")
    print()
    results = []
    for threads in thread_counts:
        worker_args = ["--worker", "shapes", "--threads", str(threads), "--repeats",
                       str(args.repeats), "--block", str(args.block)]
        results.append(_run_worker(worker_args + (["--no-torch"] if not with_torch else []), threads))
    print(shape_table(results))
    print("\nsteps/s: median (quartiles) over interleaved blocks; engine/torch: median (quartiles)"
          " of the per-block ratios.")
    for result in results:
        beside = result["rates"][BESIDE]
        gain = _spread([b / a for b, a in zip(beside["engine"], beside["in_line"])], 2)
        print(f"\n{BESIDE}, {result['threads']} BLAS thread(s): {gain} times the steps/s of the "
              "same step in line (the app's way: the check runs on a second Python thread).")
    if not args.skip_full:
        full = _run_worker(["--worker", "full", "--full-iterations", str(args.full_iterations)],
                           args.full_threads)
        print(f"\n| seed preset, {full['iterations']} iterations | threads | wall time | target "
              f"| peak memory ({full['peak_how']}) | target |\n|---|---|---|---|---|---|\n"
              f"| TrainingSession.run() | {args.full_threads} | {full['seconds']:.1f} s "
              f"| {'< 20 s' if args.full_iterations == 1500 else '—'} | {full['peak_mib']:.0f} MiB "
              f"| < 400 MB |")
        print(f"\n(setup {full['setup_seconds']:.2f} s not included; final mean D(real) "
              f"{full['d_real']:.3f}, D(fake) {full['d_fake']:.3f}; peak memory is the whole "
              f"process's peak resident set, interpreter and data included)")
    print(f"\nload average at the end: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
