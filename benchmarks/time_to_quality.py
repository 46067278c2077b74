"""Time to quality: what the default preset draws after 5 s and 15 s of training, judged by eval.

    python benchmarks/time_to_quality.py [--seconds 5,15] [--seeds 0,1,2]
                                         [--checkout PATH ...] [--preset NAME]

For every (seconds, seed), each checkout (this one by default; add --checkout /tmp/perf-base to
compare with another commit's code) runs `python -m ganstudio train --preset P --seconds S
--seed K` in its own folder, so it imports its own ganstudio, then `ganstudio eval --json` on
the checkpoint (the eval of THIS checkout, so both are judged alike). Checkouts alternate within
each (seconds, seed), so both see the same machine load. The table gives, per checkout and
budget, the median over seeds of: iterations reached, confident share (the judge is sure of the
digit), KL of the class histogram from uniform, Fréchet distance, classes covered.
Wall-clock budgets make the numbers depend on the machine's load, which is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COLUMNS = ("iterations", "confident_share", "kl", "frechet", "classes")


def _env() -> dict:
    # The app's own thread choice in every run: no inherited thread variables.
    return {k: v for k, v in os.environ.items()
            if not k.endswith("_NUM_THREADS") and k != "GANSTUDIO_THREADS"}


def train_and_judge(checkout: Path, preset: str, seconds: float, seed: int, out: Path) -> dict:
    subprocess.run([sys.executable, "-m", "ganstudio", "train", "--preset", preset, "--seconds",
                    str(seconds), "--seed", str(seed), "--out", str(out)], cwd=checkout,
                   env=_env(), check=True, stdout=subprocess.DEVNULL)
    text = subprocess.run([sys.executable, "-m", "ganstudio", "eval", str(out / "checkpoint.npz"),
                           "--json", "--parzen-centres", "0"], cwd=REPO, env=_env(), check=True,
                          stdout=subprocess.PIPE, text=True).stdout
    result = json.loads(text)
    classes = result["classes"]
    return {"iterations": result["iteration"], "confident_share": classes["confident_share"],
            "kl": classes["kl"], "frechet": result["frechet"]["distance"],
            "classes": classes["covered"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", default="5,15")
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--preset", default="fast")
    parser.add_argument("--checkout", action="append", type=Path,
                        help="a checkout to run (repeatable; default: this one)")
    args = parser.parse_args(argv)
    checkouts = [c.resolve() for c in (args.checkout or [REPO])]
    budgets = [float(s) for s in args.seconds.split(",")]
    seeds = [int(s) for s in args.seeds.split(",")]
    runs: dict = {}   # (checkout, seconds) -> [result per seed]
    loads = []
    with tempfile.TemporaryDirectory() as tmp:
        for seconds in budgets:
            for seed in seeds:
                for i, checkout in enumerate(checkouts):
                    result = train_and_judge(checkout, args.preset, seconds, seed,
                                             Path(tmp) / f"{i}-{seconds}-{seed}")
                    runs.setdefault((checkout, seconds), []).append(result)
                    print(f"{checkout} {seconds:g}s seed {seed}: {json.dumps(result)}", file=sys.stderr)
                loads.append(os.getloadavg()[0])
    print(f"## Time to quality: preset {args.preset}, seeds {args.seeds}\n")
    print("| checkout | budget | " + " | ".join(COLUMNS) + " |")
    print("|---|---|" + "---|" * len(COLUMNS))
    for (checkout, seconds), results in runs.items():
        cells = [_cell(column, [r[column] for r in results]) for column in COLUMNS]
        print(f"| {checkout} | {seconds:g} s | " + " | ".join(cells) + " |")
    print(f"\nmedian over seeds (each seed's value in brackets); 1-minute load after each "
          f"seed: {', '.join(f'{x:.2f}' for x in loads)}")
    return 0


def _cell(column: str, values: list) -> str:
    fmt = {"iterations": "{:.0f}", "classes": "{:.0f}", "frechet": "{:.1f}"}.get(column, "{:.3f}")
    each = ", ".join(fmt.format(v) for v in values)
    return f"{fmt.format(statistics.median(values))} ({each})"


if __name__ == "__main__":
    sys.exit(main())
