"""Speed of the NumPy engine beside PyTorch on the CPU, each at its default and best thread count.

    python benchmarks/bench_engine.py [--threads 1,2,all] [--rounds 5] [--seconds 2]
                                      [--full-iterations 1500] [--skip-full] [--no-torch]
                                      [--torch-python PATH]

Three shapes, each one whole training iteration of the engine:
  seed      the classic algorithm: D for one epoch over 1000 real + 1000 fake in mini-batches
            of 100, then the stacked G for one epoch over 1000 noise rows (classic.py)
  mlp-64    the `mlp` preset, batch 64: one D step and one G step (minibatch.py)
  mlp-256   the same with batch 256

Engine and PyTorch never share a process (two libraries' thread pools in one process distort
each other): every (library, thread count) is its own process, which times each shape for
--seconds after a warm-up and prints steps/s. A round runs every such process once, engine and
torch alternating, so both see the same machine load; the tables give medians over rounds.
Thread counts:
  engine  n = GANSTUDIO_THREADS=n (core/engine/threads.py: the training thread and n-1 helpers,
          OpenBLAS at one thread each); "default" = the policy the app uses, no variable set.
  torch   n = torch.set_num_threads(n); "default" = torch's own choice (one per core).
"best" is each side's thread count with the highest median. PyTorch runs in the interpreter
given by --torch-python (default: /tmp/torchenv/bin/python, else this one); without torch only
engine numbers are printed. Then the `seed` preset's full 1500-iteration run is timed through
TrainingSession.run() in a fresh process at the engine's default policy, with its peak memory.
"""

from __future__ import annotations

import argparse
import collections
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
TORCH_PYTHON = "/tmp/torchenv/bin/python"
DEFAULT = "default"


# ---------------------------------------------------------------------------- machine facts
def machine_facts(torch_python: str | None) -> dict:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import numpy

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "load at the start": load_average(),
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "torch": f"{torch_python}" if torch_python else "not found",
    }


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"


def find_torch_python(given: str | None) -> str | None:
    """An interpreter that can import torch, or None: torch stays optional."""
    for candidate in ([given] if given else [TORCH_PYTHON, sys.executable]):
        if candidate and Path(candidate).exists() and subprocess.run(
                [candidate, "-c", "import torch"], capture_output=True).returncode == 0:
            return candidate
    return None


# ---------------------------------------------------------------------------- worker: shapes
def _sys_path() -> None:
    if str(REPO) not in sys.path:  # run from a checkout without installing
        sys.path.insert(0, str(REPO))


def _algorithm(dataset, shape: str):
    from ganstudio.core.config.overrides import with_overrides
    from ganstudio.core.config.presets import get_preset
    from ganstudio.core.training.session import TrainingSession

    preset, overrides = SHAPES[shape]
    config = with_overrides(get_preset(preset), overrides)
    return config, TrainingSession(config, dataset).algorithm


def _engine_step(algorithm):
    def step():
        for name in algorithm.stage_names:
            algorithm.run_stage(name)
    return step


def _torch_step(config, algorithm):
    # benchmarks/ is on sys.path: this file runs as a script from there.
    from torch_reference import TorchClassic, TorchMinibatch

    if config.algorithm == "classic":
        return TorchClassic(config, algorithm.data, algorithm.noise_pool, config.seed).step
    return TorchMinibatch(config, algorithm.data, config.seed).step


def _rate(step, seconds: float) -> float:
    """steps/s over about `seconds`, after a warm-up of a tenth of it (at least one step)."""
    for clock_seconds in (seconds / 10, seconds):
        start, n = time.perf_counter(), 0
        while n == 0 or time.perf_counter() - start < clock_seconds:
            step()
            n += 1
    return n / (time.perf_counter() - start)


def worker_shapes(library: str, threads: str, seconds: float) -> dict:
    if library == "torch":
        import torch  # before ganstudio, whose import would set OMP_NUM_THREADS=1 for it

        if threads != DEFAULT:
            torch.set_num_threads(int(threads))
        used = torch.get_num_threads()
    _sys_path()
    from ganstudio.core.data import load_bundled
    from ganstudio.core.engine import threads as engine_threads

    if library == "engine":
        used = engine_threads.workers()
    dataset = load_bundled("train")
    rates = {}
    for shape in SHAPES:
        config, algorithm = _algorithm(dataset, shape)
        step = _engine_step(algorithm) if library == "engine" else _torch_step(config, algorithm)
        rates[shape] = _rate(step, seconds)
    return {"rates": rates, "threads_used": used}


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
    from ganstudio.core.engine import threads

    return {"iterations": last.iteration, "seconds": wall, "threads": threads.workers(), "setup_seconds": setup,
            "peak_mib": peak, "peak_how": how, "d_real": last.d_real, "d_fake": last.d_fake}


# ---------------------------------------------------------------------------- the parent
def _run_worker(python: str, args: list[str], env_update: dict) -> dict:
    # Every thread variable removed: each library's "default" is then its own.
    env = {k: v for k, v in os.environ.items()
           if not k.endswith("_NUM_THREADS") and k != "GANSTUDIO_THREADS"}
    env.update(env_update)
    out = subprocess.run([python, str(Path(__file__).resolve()), *args], env=env,
                         cwd=REPO, check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _shape_run(library: str, threads: str, seconds: float, torch_python: str | None) -> dict:
    args = ["--worker", "shapes", "--library", library, "--threads", threads,
            "--seconds", str(seconds)]
    if library == "torch":
        return _run_worker(torch_python, args, {})
    # The engine as the app runs it: one OpenBLAS thread (ganstudio/__init__.py), its own policy.
    env = {} if threads == DEFAULT else {"GANSTUDIO_THREADS": threads}
    return _run_worker(sys.executable, args, env)


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _spread(values: list[float], digits: int = 1) -> str:
    """median (lowest–highest): how noisy the machine was."""
    if len(values) < 2:
        return f"{_median(values):.{digits}f}"
    return f"{_median(values):.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def measure(thread_counts: list[str], rounds: int, seconds: float, torch_python: str | None):
    """rates[library][threads][shape] = [steps/s per round]; used[library][threads] = threads."""
    libraries = ["engine"] + (["torch"] if torch_python else [])
    rates = {lib: {t: collections.defaultdict(list) for t in thread_counts} for lib in libraries}
    used: dict = {lib: {} for lib in libraries}
    loads = []
    for _ in range(rounds):
        for threads in thread_counts:
            for library in libraries:   # engine, torch, engine, torch...: the same load for both
                result = _shape_run(library, threads, seconds, torch_python)
                used[library][threads] = result["threads_used"]
                for shape, rate in result["rates"].items():
                    rates[library][threads][shape].append(rate)
        loads.append(os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan"))
    return rates, used, loads


def _best(rates_of_library: dict, shape: str) -> str:
    return max(rates_of_library, key=lambda t: _median(rates_of_library[t][shape]))


def shape_table(rates: dict, used: dict) -> str:
    rows = ["| shape | threads | engine steps/s | torch steps/s | engine/torch |", "|---|---|---|---|---|"]
    engine, torch_rates = rates["engine"], rates.get("torch")
    for shape in SHAPES:
        for threads in engine:
            label = f"{threads} (engine {used['engine'][threads]}"
            label += f", torch {used['torch'][threads]})" if torch_rates else ")"
            e = engine[threads][shape]
            if torch_rates:
                t = torch_rates[threads][shape]
                ratio = _spread([a / b for a, b in zip(e, t)], 2)
                rows.append(f"| {shape} | {label} | {_spread(e)} | {_spread(t)} | {ratio} |")
            else:
                rows.append(f"| {shape} | {label} | {_spread(e)} | — | — |")
        if torch_rates:
            be, bt = _best(engine, shape), _best(torch_rates, shape)
            ratio = _median(engine[be][shape]) / _median(torch_rates[bt][shape])
            rows.append(f"| {shape} | **best**: engine {be}, torch {bt} | "
                        f"{_median(engine[be][shape]):.1f} | {_median(torch_rates[bt][shape]):.1f} "
                        f"| **{ratio:.2f}** |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", default="1,2,all",
                        help="comma-separated thread counts; 'all' = every core; 'default' is always added")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of one process per (library, threads)")
    parser.add_argument("--seconds", type=float, default=2.0, help="seconds per shape in a process")
    parser.add_argument("--full-iterations", type=int, default=1500, help="length of the seed run")
    parser.add_argument("--skip-full", action="store_true", help="skip the seed run")
    parser.add_argument("--no-torch", action="store_true", help="engine numbers only")
    parser.add_argument("--torch-python", help=f"interpreter with torch (default {TORCH_PYTHON})")
    parser.add_argument("--worker", choices=("shapes", "full"), help=argparse.SUPPRESS)
    parser.add_argument("--library", choices=("engine", "torch"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker == "full":  # before anything imports torch, which would inflate the peak
        print(json.dumps(worker_full(args.full_iterations)))
        return 0
    if args.worker == "shapes":
        print(json.dumps(worker_shapes(args.library, args.threads, args.seconds)))
        return 0

    torch_python = None if args.no_torch else find_torch_python(args.torch_python)
    cores = str(os.cpu_count() or 1)
    thread_counts = list(dict.fromkeys(cores if t == "all" else t for t in args.threads.split(",") if t))
    thread_counts.append(DEFAULT)
    print("## Engine benchmark\n")
    for key, value in machine_facts(torch_python).items():
        print(f"- {key}: {value}")
    print()
    rates, used, loads = measure(thread_counts, args.rounds, args.seconds, torch_python)
    print(shape_table(rates, used))
    print(f"\nsteps/s: median (lowest–highest) over {args.rounds} rounds, each a fresh process per "
          "library and thread count; engine/torch: median of the per-round ratios; best: each "
          "side's thread count with the highest median, ratio of the medians. 1-minute load "
          f"after each round: {', '.join(f'{x:.2f}' for x in loads)}.")
    if not args.skip_full:
        full = _run_worker(sys.executable, ["--worker", "full", "--full-iterations",
                                            str(args.full_iterations)], {})
        print(f"\n| seed preset, {full['iterations']} iterations | engine threads | wall time "
              f"| peak memory ({full['peak_how']}) |\n|---|---|---|---|\n"
              f"| TrainingSession.run() | {full['threads']} (default policy) | {full['seconds']:.1f} s "
              f"| {full['peak_mib']:.0f} MiB |")
        print(f"\n(setup {full['setup_seconds']:.2f} s not included; final mean D(real) "
              f"{full['d_real']:.3f}, D(fake) {full['d_fake']:.3f})")
    print(f"\nload average at the end: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
