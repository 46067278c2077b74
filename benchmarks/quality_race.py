"""How good are each preset's digits after 15 s, 60 s and 300 s of training on this machine —
and does the default preset win the stage race?

    python benchmarks/quality_race.py race  [--preset fast] [--seeds 0,1,2] [--budget 15]
                                            [--set key=value ...]
    python benchmarks/quality_race.py table [--presets fast,mlp,...] [--budgets 15,60,300]
                                            [--parzen-centres 10000]

`race`: for each seed, train the preset on the 8,000 bundled digits for `budget` seconds of
wall-clock time (the clock starts before the session is built, as when Start is pressed),
then judge 1,000 fresh samples. The race is won when ≥ 80 % of them are classified with
confidence ≥ 0.9, all 10 classes appear and KL(p̂ ‖ uniform) < 0.05 nats.

`table`: one run per preset up to the longest budget; at each budget mark the clock is
paused and the full evaluation runs (class statistics, Fréchet distance with its real-vs-real
baseline, Parzen log-likelihood from 10,000 generated centres). Prints a Markdown table.

Training runs in this process with one BLAS thread (as the app does). The machine is shared
and has 2 cores, so iteration counts vary from run to run: compare within one run.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ganstudio.blas_threads import one_blas_thread  # noqa: E402,I001

one_blas_thread()   # one BLAS thread, as the app: before NumPy loads (import ganstudio no longer sets it)
from ganstudio.core.config.overrides import with_overrides  # noqa: E402
from ganstudio.core.config.presets import PRESETS, get_preset  # noqa: E402
from ganstudio.core.data import load_bundled  # noqa: E402
from ganstudio.core.quality.evaluation import class_report, evaluate_session  # noqa: E402
from ganstudio.core.training.session import TrainingSession  # noqa: E402

FRESH_SAMPLES = 1000
SAMPLE_SEED = 12345


def train_until(session: TrainingSession | None, make_session, marks: list[float]):
    """Train, pausing the clock at each mark (seconds) to yield (mark, session)."""
    clock_start = time.perf_counter()
    session = session or make_session()
    paused_for = 0.0
    pending = sorted(marks)
    runner = session.run(log_every=1)
    for _ in runner:
        elapsed = time.perf_counter() - clock_start - paused_for
        while pending and elapsed >= pending[0]:
            mark = pending.pop(0)
            before = time.perf_counter()
            yield mark, session
            paused_for += time.perf_counter() - before
        if not pending:
            break
    runner.close()


def parse_overrides(items: list[str]) -> dict:
    pairs = [item.partition("=") for item in items]
    return {key.strip(): value for key, _, value in pairs}


def run_race(args) -> None:
    train = load_bundled("train")
    config = with_overrides(get_preset(args.preset), parse_overrides(args.set))
    config = with_overrides(config, {"iterations": 10 ** 9})
    print(f"race: preset {args.preset} {args.set or ''}, budget {args.budget:g} s, "
          f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")
    header = "| seed | iterations | it/s | covered | KL (nats) | confident ≥ 0.9 | mean conf. | fixed-batch confident | won |"
    print(header)
    print("|---" * (header.count("|") - 1) + "|")
    wins = []
    for seed in args.seeds:
        seeded = with_overrides(config, {"seed": seed})
        for mark, session in train_until(None, lambda: TrainingSession(seeded, train), [args.budget]):
            fresh = class_report(session.sample(FRESH_SAMPLES, seed=SAMPLE_SEED))
            shown = class_report(session.sample())
            wins.append(fresh.wins_race)
            print(f"| {seed} | {session.iteration:,} | {session.iteration / mark:.0f} | {fresh.covered}/10 "
                  f"| {fresh.kl:.3f} | {fresh.confident_share:.1%} | {fresh.confidence:.3f} "
                  f"| {shown.confident_share:.0%} | {'yes' if fresh.wins_race else 'no'} |", flush=True)
    print(f"won {sum(wins)} of {len(wins)}")


def run_table(args) -> None:
    train = load_bundled("train")
    print(f"table: budgets {args.budgets} s, {FRESH_SAMPLES} fresh samples, "
          f"{args.parzen_centres:,} Parzen centres, Python {platform.python_version()}")
    header = ("| preset | budget | iterations | covered | KL (nats) | confidence | confident ≥ 0.9 "
              "| MNIST score | Fréchet (real-vs-real) | Parzen LL (nats) |")
    print(header)
    print("|---" * (header.count("|") - 1) + "|")
    for name in args.presets:
        config = with_overrides(get_preset(name), {"iterations": 10 ** 9})
        for mark, session in train_until(None, lambda: TrainingSession(config, train), args.budgets):
            r = evaluate_session(session, n=FRESH_SAMPLES, parzen_centres=args.parzen_centres,
                                 seed=SAMPLE_SEED)
            c, f, p = r.classes, r.frechet, r.parzen
            parzen = f"{p.mean:.0f} ± {p.standard_error:.1f} (σ {p.sigma:.2f})" if p else "–"
            print(f"| {name} | {mark:g} s | {session.iteration:,} | {c.covered}/10 | {c.kl:.3f} "
                  f"| {c.confidence:.3f} | {c.confident_share:.1%} | {r.mnist_score:.2f} "
                  f"| {f.distance:.2f} ({f.baseline:.2f}) | {parzen} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    race = sub.add_parser("race")
    race.add_argument("--preset", default="fast", choices=list(PRESETS))
    race.add_argument("--seeds", type=lambda t: [int(s) for s in t.split(",")], default=[0, 1, 2])
    race.add_argument("--budget", type=float, default=15.0)
    race.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    table = sub.add_parser("table")
    table.add_argument("--presets", type=lambda t: t.split(","), default=list(PRESETS))
    table.add_argument("--budgets", type=lambda t: [float(s) for s in t.split(",")], default=[15, 60, 300])
    table.add_argument("--parzen-centres", type=int, default=10_000)
    args = parser.parse_args()
    run_race(args) if args.mode == "race" else run_table(args)


if __name__ == "__main__":
    main()
