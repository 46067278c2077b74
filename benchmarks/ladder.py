"""From the 2014 demo to working digits, one change at a time — measured (docs/ladder.md).

    python benchmarks/ladder.py search [--seeds 0,1] [--rounds 6] [--budget 400000]
    python benchmarks/ladder.py rungs  [--seeds 0,1,2] [--budget 400000]
    python benchmarks/ladder.py table

`search`: greedy. Start from the `seed` preset; each round tries every candidate change (one
setting group, see CANDIDATES) that applies to the current configuration, trains each with
every seed and keeps the change whose mean Fréchet distance is lowest; the others are the
"tried and discarded" rows. `rungs`: trains the ladder presets of core/config.py. `table`:
Markdown from the results file.

Budget: every run sees the same number of images in D's training steps (reals + fakes), not
the same wall time (the machine is shared: wall time says more about the neighbours than the
change) nor the same iterations (a classic iteration is 2,000 images, a minibatch one 2 x the
batch). 400,000 images are 200 classic iterations or 2,000 minibatch iterations of batch 100,
about what the `fast` preset needs to win the 15 s stage race. The judge looks at 1,000 fresh
samples (noise seed 12345) against the bundled held-out digits (core/evaluation.py).

Results are appended to benchmarks/results/ladder.jsonl, one line per (configuration, seed);
a run already there is not repeated, so a stopped search resumes where it was.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import ganstudio  # noqa: E402,F401  (sets one BLAS thread before NumPy loads)
from ganstudio.core.config import (  # noqa: E402
    LADDER,
    LADDER_IMAGES,
    GANConfig,
    get_preset,
    images_per_iteration,
)
from ganstudio.core.data import load_bundled  # noqa: E402
from ganstudio.core.evaluation import evaluate_session  # noqa: E402
from ganstudio.core.training import TrainingSession  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "ladder.jsonl"
BUDGET = LADDER_IMAGES
SAMPLES, SAMPLE_SEED = 1000, 12345

# Candidate changes: (name, group, overrides, applies). A change applies when it would change
# something and makes sense for the configuration (e.g. label smoothing exists only in the
# minibatch algorithm).
CANDIDATES = (
    ("cross-entropy loss, minimax G", "loss", {"loss": "bce", "g_loss": "saturating"},
     lambda c: c.loss != "bce"),
    ("cross-entropy loss, non-saturating G", "loss", {"loss": "bce", "g_loss": "non_saturating"},
     lambda c: c.loss != "bce"),
    ("non-saturating G", "g_objective", {"g_loss": "non_saturating"},
     lambda c: c.loss == "bce" and c.g_loss == "saturating"),
    ("Adam", "optimizer", {"optimizer": "adam", "lr_d": 2e-4, "lr_g": 2e-4, "beta1": 0.5,
                           "weight_decay": 0.0}, lambda c: c.optimizer != "adam"),
    ("Adam, fast's rates", "optimizer", {"lr_d": 1.5e-3, "lr_g": 2e-3, "beta1": 0.0},
     lambda c: c.optimizer == "adam" and c.lr_g != 2e-3),
    ("normal noise", "noise", {"noise": "normal"}, lambda c: c.noise != "normal"),
    ("10 noise numbers", "noise", {"noise_dim": 10}, lambda c: c.noise_dim != 10),
    ("no dropout", "regularisation", {"d_dropout": 0.0}, lambda c: c.d_dropout != 0),
    ("normal init", "init", {"init": "normal"}, lambda c: c.init != "normal"),
    ("deeper, leaky nets", "architecture", {"g_hidden": (64, 128), "g_activation": "leaky_relu",
                                            "d_hidden": (128,), "d_activation": "leaky_relu"},
     lambda c: c.g_hidden != (64, 128)),
    ("leaky D only", "architecture", {"d_hidden": (128,), "d_activation": "leaky_relu"},
     lambda c: c.d_activation != "leaky_relu" and c.g_hidden != (64, 128)),
    ("pixels in [-1, 1]", "pixels", {"pixel_range": "pm1", "g_output": "tanh"},
     lambda c: c.pixel_range != "pm1"),
    ("minibatch algorithm", "algorithm", {"algorithm": "minibatch"},
     lambda c: c.algorithm == "classic"),
    ("batch 32", "algorithm", {"batch_size": 32},
     lambda c: c.algorithm == "minibatch" and c.batch_size != 32),
    ("label smoothing 0.9", "labels", {"d_real_label": 0.9},
     lambda c: c.algorithm == "minibatch" and c.d_real_label == 1.0),
    ("EMA of G", "ema", {"g_ema": 0.999}, lambda c: c.algorithm == "minibatch" and not c.g_ema),
    ("20 clusters", "clusters", {"clusters": 20}, lambda c: c.algorithm == "minibatch" and not c.clusters),
)


def budgeted(c: GANConfig, budget: int, seed: int) -> GANConfig:
    return dataclasses.replace(c, iterations=max(1, budget // images_per_iteration(c)), seed=seed)


def setting_key(c: GANConfig) -> str:
    """What identifies a run: every setting but the name and description."""
    values = dataclasses.asdict(c)
    values.pop("name"), values.pop("description")
    return json.dumps(values, sort_keys=True)


def load_results() -> dict:
    if not RESULTS.exists():
        return {}
    rows = [json.loads(line) for line in RESULTS.read_text().splitlines() if line.strip()]
    return {row["key"]: row for row in rows}


def measure(c: GANConfig, label: str, train, results: dict) -> dict:
    key = setting_key(c)
    if key in results:
        return results[key]
    started = time.perf_counter()
    session = TrainingSession(c, train)
    for _ in session.run(log_every=max(1, c.iterations)):
        pass
    seconds = time.perf_counter() - started
    report = evaluate_session(session, n=SAMPLES, parzen_centres=0, seed=SAMPLE_SEED)
    k = report.classes
    row = {"key": key, "label": label, "seed": c.seed, "iterations": session.iteration,
           "images": session.iteration * images_per_iteration(c), "seconds": round(seconds, 1),
           "covered": k.covered, "kl": round(k.kl, 4), "confidence": round(k.confidence, 4),
           "confident_share": round(k.confident_share, 4), "unlike": round(k.unlike_share, 4),
           "frechet": round(report.frechet.distance, 3),
           "histogram": [round(float(v), 3) for v in k.histogram]}
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a") as out:
        out.write(json.dumps(row) + "\n")
    results[key] = row
    print(f"  {label:<60} seed {c.seed}: {k.covered}/10, KL {k.kl:.3f}, conf {k.confidence:.3f}, "
          f"Fréchet {report.frechet.distance:.2f} ({seconds:.0f} s)", flush=True)
    return row


def mean_of(rows: list[dict], field: str) -> float:
    return statistics.fmean(r[field] for r in rows)


def search(args) -> None:
    train, results = load_bundled("train"), load_results()
    current, path = get_preset("seed"), "seed"
    rows = [measure(budgeted(current, args.budget, s), path, train, results) for s in args.seeds]
    print(f"{path}: Fréchet {mean_of(rows, 'frechet'):.2f}", flush=True)
    for round_no in range(1, args.rounds + 1):
        tried = []
        for name, _group, overrides, applies in CANDIDATES:
            if not applies(current):
                continue
            candidate = dataclasses.replace(current, **overrides)
            label = f"{path} + {name}"
            rows = [measure(budgeted(candidate, args.budget, s), label, train, results) for s in args.seeds]
            tried.append((mean_of(rows, "frechet"), name, candidate))
        if not tried:
            break
        tried.sort(key=lambda t: t[0])
        score, name, current = tried[0]
        path = f"{path} + {name}"
        print(f"round {round_no}: keep {name} (Fréchet {score:.2f}); discarded: "
              + ", ".join(f"{n} ({s:.2f})" for s, n, _ in tried[1:]), flush=True)


def rungs(args) -> None:
    train, results = load_bundled("train"), load_results()
    for rung in LADDER:
        for s in args.seeds:
            measure(budgeted(get_preset(rung.preset), args.budget, s), rung.preset, train, results)


def table(args) -> None:
    by_label: dict[str, list[dict]] = {}
    for row in load_results().values():
        by_label.setdefault(row["label"], []).append(row)
    print("| configuration | seeds | iterations | covered | KL (nats) | confidence | Fréchet |")
    print("|---|---|---|---|---|---|---|")
    for label, rows in by_label.items():
        rows.sort(key=lambda r: r["seed"])
        print(f"| {label} | {','.join(str(r['seed']) for r in rows)} | {rows[0]['iterations']:,} "
              f"| {mean_of(rows, 'covered'):.1f} | {mean_of(rows, 'kl'):.2f} "
              f"| {mean_of(rows, 'confidence'):.2f} | {mean_of(rows, 'frechet'):.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    seeds = lambda t: [int(s) for s in t.split(",")]  # noqa: E731
    p = sub.add_parser("search")
    p.add_argument("--seeds", type=seeds, default=[0, 1])
    p.add_argument("--rounds", type=int, default=6)
    p.add_argument("--budget", type=int, default=BUDGET)
    p = sub.add_parser("rungs")
    p.add_argument("--seeds", type=seeds, default=[0, 1, 2])
    p.add_argument("--budget", type=int, default=BUDGET)
    sub.add_parser("table")
    args = parser.parse_args()
    {"search": search, "rungs": rungs, "table": table}[args.mode](args)


if __name__ == "__main__":
    main()
