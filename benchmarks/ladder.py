"""From the 2014 demo to working digits, one change at a time — measured (docs/ladder.md).

    python benchmarks/ladder.py search [--seeds 0] [--rounds 8] [--budget 400000]
    python benchmarks/ladder.py rungs  [--seeds 0,1,2] [--budget 400000]
    python benchmarks/ladder.py table

`search`: greedy. Start from the `seed` preset; each round tries every candidate change (one
setting group, see CANDIDATES) that applies to the current configuration, trains each with
every seed and keeps the change that brings the most kinds of digit: the lowest mean KL of the
judge's class shares to uniform (to 0.1 nats), then the lowest mean Fréchet distance (collapsed
runs all have KL 2.3 and differ only there); the others are the "tried and discarded" rows. `rungs`: trains the ladder presets of core/config.py. `table`:
Markdown from the results file.

Budget: every run sees the same number of images in D's training steps (reals + fakes), not
the same wall time (the machine is shared: wall time says more about the neighbours than the
change) nor the same iterations (a classic iteration is 2,000 images, a minibatch one 2 x the
batch). 400,000 images are 200 classic iterations or 2,000 minibatch iterations of batch 100,
about what the `fast` preset needs to win the 15 s stage race. The judge looks at 1,000 fresh
samples (noise seed 12345) against the bundled held-out digits (core/quality/evaluation.py).

Results are appended to benchmarks/results/ladder.jsonl, one line per (configuration, seed);
a run already there is not repeated, so a stopped search resumes where it was. Two search
processes with the seeds in opposite orders (--seeds 0,1 and --seeds 1,0) share the work: a run
one of them is training is claimed (a file in benchmarks/results/ladder-claims/), and the other
waits for it instead of training it again; the decisions, made from both seeds, are the same.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ganstudio.blas_threads import one_blas_thread  # noqa: E402,I001

one_blas_thread()   # one BLAS thread, as the app: before NumPy loads (import ganstudio no longer sets it)
import numpy as np  # noqa: E402

from ganstudio.core.config.ladder import (  # noqa: E402
    LADDER,
    LADDER_IMAGES,
    LADDER_KIND_SHARE,
    images_per_iteration,
)
from ganstudio.core.config.presets import get_preset  # noqa: E402
from ganstudio.core.config.settings import GANConfig  # noqa: E402
from ganstudio.core.data import load_bundled  # noqa: E402
from ganstudio.core.quality.digit_likeness import load_digit_likeness  # noqa: E402
from ganstudio.core.quality.evaluation import evaluate_session  # noqa: E402
from ganstudio.core.quality.judge import load_judge  # noqa: E402
from ganstudio.core.training.session import TrainingSession  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "ladder.jsonl"
CLAIMS = RESULTS.parent / "ladder-claims"   # runs a search process is training now
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

CANDIDATE_BY_NAME = {candidate[0]: candidate for candidate in CANDIDATES}


def budgeted(c: GANConfig, budget: int, seed: int) -> GANConfig:
    return dataclasses.replace(c, iterations=max(1, budget // images_per_iteration(c)), seed=seed)


def setting_key(c: GANConfig) -> str:
    """What identifies a run: every setting but the name and description."""
    values = dataclasses.asdict(c)
    values.pop("name"), values.pop("description")
    return json.dumps(values, sort_keys=True)


def _current_key(stored: str) -> str:
    """A stored row's key as setting_key writes it today: a setting added since the row was
    measured (clusters_from, say) ran at its default, so the default fills it in."""
    defaults = {f.name: f.default for f in dataclasses.fields(GANConfig) if f.name not in ("name", "description")}
    return json.dumps(json.loads(json.dumps(defaults)) | json.loads(stored), sort_keys=True)


def load_results() -> dict:
    if not RESULTS.exists():
        return {}
    rows = {}
    for line in RESULTS.read_text().splitlines():
        try:
            row = json.loads(line)
        except ValueError:   # a line another process is writing: read again later
            continue
        if "off" in row:   # rows from before the digit-like measure are measured again
            rows[_current_key(row["key"])] = row
    return rows


def measure(c: GANConfig, label: str, train, results: dict) -> dict | None:
    """The judge's numbers for one run, from the results file or by training it now; None when
    another search process has claimed the run (collect it later with `wait_for`)."""
    key = setting_key(c)
    results.update(load_results())   # another process may have finished it meanwhile
    if key in results:
        return results[key]
    claim = CLAIMS / hashlib.sha256(key.encode()).hexdigest()[:16]
    CLAIMS.mkdir(parents=True, exist_ok=True)
    try:
        claim.touch(exist_ok=False)
    except FileExistsError:
        return None
    started = time.perf_counter()
    session = TrainingSession(c, train)
    for _ in session.run(log_every=max(1, c.iterations)):
        pass
    seconds = time.perf_counter() - started
    report = evaluate_session(session, n=SAMPLES, parzen_centres=0, seed=SAMPLE_SEED)
    k = report.classes
    kinds, off = digit_like_kinds(session.sample(SAMPLES, seed=SAMPLE_SEED))
    row = {"key": key, "label": label, "seed": c.seed, "iterations": session.iteration,
           "images": session.iteration * images_per_iteration(c), "seconds": round(seconds, 1),
           "covered": k.covered, "kl": round(k.kl, 4), "confidence": round(k.confidence, 4),
           "confident_share": round(k.confident_share, 4), "unlike": round(k.unlike_share, 4),
           "frechet": round(report.frechet.distance, 3), "kinds": kinds, "off": round(off, 4),
           "histogram": [round(float(v), 3) for v in k.histogram]}
    with RESULTS.open("a") as out:
        out.write(json.dumps(row) + "\n")
    claim.unlink()
    results[key] = row
    print(f"  {label:<60} seed {c.seed}: {kinds} kinds, off {off:.3f}, {k.covered}/10, KL {k.kl:.3f}, "
          f"unlike {k.unlike_share:.2f}, Fréchet {report.frechet.distance:.2f} ({seconds:.0f} s)", flush=True)
    return row


def digit_like_kinds(images) -> tuple[int, float]:
    """The kinds of digit G draws digit-like (each at least LADDER_KIND_SHARE of the samples), and how far
    the samples are from an even set of real-looking digits: the total variation distance
    between (the share of digit-like samples of each kind, the share not digit-like) and
    (10 % of each kind, none unlike). 0 is the goal, 0.9 one kind only, 1 nothing digit-like."""
    judge = load_judge()
    features = judge.features(images)
    kind = judge.proba_from_features(features).argmax(axis=1)
    like = load_digit_likeness().digit_like(features)
    shares = np.bincount(kind[like], minlength=10) / len(images)
    off = 0.5 * (np.abs(shares - 0.1).sum() + (1.0 - like.mean()))
    return int((shares >= LADDER_KIND_SHARE).sum()), float(off)


def measure_all(configs: list[GANConfig], labels, train, results: dict) -> list[dict]:
    """Every run (`labels`: one for all, or one each), those claimed by another process last
    (waiting for them)."""
    labels = [labels] * len(configs) if isinstance(labels, str) else labels
    rows = [measure(c, label, train, results) for c, label in zip(configs, labels)]
    while any(row is None for row in rows):
        time.sleep(5)
        results.update(load_results())
        rows = [results.get(setting_key(c)) for c in configs]
    return rows


def mean_of(rows: list[dict], field: str) -> float:
    return statistics.fmean(r[field] for r in rows)


def score(rows: list[dict]) -> tuple[float, float]:
    """Lower is better: how far from an even set of digit-like digits (to 0.01), then the
    Fréchet distance."""
    return round(mean_of(rows, "off"), 2), round(mean_of(rows, "frechet"), 1)


def search(args) -> None:
    train, results = load_bundled("train"), load_results()
    current, path = get_preset("seed"), "seed"
    rows = measure_all([budgeted(current, args.budget, s) for s in args.seeds], path, train, results)
    print(f"{path}: Fréchet {mean_of(rows, 'frechet'):.2f}", flush=True)
    for round_no in range(1, args.rounds + 1):
        candidates = [(name, dataclasses.replace(current, **overrides))
                      for name, _group, overrides, applies in CANDIDATES if applies(current)]
        if not candidates:
            break
        # All runs of the round in one list, so that two processes share a round.
        runs = [(f"{path} + {name}", budgeted(c, args.budget, s)) for name, c in candidates for s in args.seeds]
        done = iter(measure_all([c for _, c in runs], [label for label, _ in runs], train, results))
        tried = sorted(((score([next(done) for _ in args.seeds]), name, c) for name, c in candidates),
                       key=lambda t: t[0])
        best, name, current = tried[0]
        path = f"{path} + {name}"
        print(f"round {round_no}: keep {name} (off, Fréchet {best}); discarded: "
              + ", ".join(f"{n} {s}" for s, n, _ in tried[1:]), flush=True)


def apply_changes(names: list[str], skip: str | None = None) -> GANConfig:
    """`seed` with the named candidate changes applied in order (those that apply)."""
    config = get_preset("seed")
    for name in names:
        _, _, overrides, applies = CANDIDATE_BY_NAME[name]
        if name != skip and applies(config):
            config = dataclasses.replace(config, **overrides)
    return config


def ablate(args) -> None:
    """From the search's path, every remaining change at once ("the top"), and the top without
    each of them: how much each remaining change matters once the others are there."""
    train, results = load_bundled("train"), load_results()
    rest = [name for name, *_ in CANDIDATES if name not in args.path and name not in args.leave_out]
    top = args.path + rest
    runs = [("top: " + " + ".join(top), apply_changes(top))]
    runs += [(f"top without {name}", apply_changes(top, skip=name)) for name in rest]
    configs = [budgeted(c, args.budget, s) for _, c in runs for s in args.seeds]
    labels = [label for label, _ in runs for _ in args.seeds]
    rows = iter(measure_all(configs, labels, train, results))
    for label, _ in runs:
        print(f"{label}: (off, Fréchet) {score([next(rows) for _ in args.seeds])}", flush=True)


def rungs(args) -> None:
    train, results = load_bundled("train"), load_results()
    for rung in LADDER:
        measure_all([budgeted(get_preset(rung.preset), args.budget, s) for s in args.seeds],
                    rung.preset, train, results)


COLUMNS = "| kinds | named | KL (nats) | confidence | unlike | off | Fréchet |"


def numbers(rows: list[dict]) -> str:
    return (f"| {mean_of(rows, 'kinds'):.1f} | {mean_of(rows, 'covered'):.1f} | {mean_of(rows, 'kl'):.2f} "
            f"| {mean_of(rows, 'confidence'):.2f} | {mean_of(rows, 'unlike'):.0%} | {mean_of(rows, 'off'):.2f} "
            f"| {mean_of(rows, 'frechet'):.1f} |")


def table(args) -> None:
    """The ladder (means over the seeds measured, and the numbers for core/config/ladder.py), then
    every configuration measured, in the order measured."""
    results = load_results()
    print("| rung | changes | iterations | seeds " + COLUMNS)
    print("|---" * 11 + "|")
    measured = []
    for rung in LADDER:
        config = get_preset(rung.preset)
        rows = [results[k] for k in (setting_key(dataclasses.replace(config, seed=s)) for s in range(10))
                if k in results]
        if not rows:
            continue
        print(f"| {rung.preset} | {rung.group or '–'} | {config.iterations:,} "
              f"| {','.join(str(r['seed']) for r in rows)} " + numbers(rows))
        measured.append(f"{rung.preset}: ({mean_of(rows, 'kinds'):.1f}, {mean_of(rows, 'covered'):.1f}, "
                        f"{mean_of(rows, 'kl'):.2f}, {mean_of(rows, 'confidence'):.2f}, "
                        f"{mean_of(rows, 'unlike'):.2f}, {mean_of(rows, 'frechet'):.1f})")
    print("\n" + "\n".join(measured) + "\n")
    by_label: dict[str, list[dict]] = {}
    for row in results.values():
        by_label.setdefault(row["label"], []).append(row)
    print("| configuration | seeds " + COLUMNS)
    print("|---" * 9 + "|")
    for label, rows in by_label.items():
        print(f"| {label} | {','.join(str(r['seed']) for r in rows)} " + numbers(rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    seeds = lambda t: [int(s) for s in t.split(",")]  # noqa: E731
    p = sub.add_parser("search")
    p.add_argument("--seeds", type=seeds, default=[0])
    p.add_argument("--rounds", type=int, default=8)
    p.add_argument("--budget", type=int, default=BUDGET)
    p = sub.add_parser("ablate")
    p.add_argument("--path", type=lambda t: t.split(";"), required=True,
                   help="the changes kept by the search, separated by ';'")
    p.add_argument("--leave-out", type=lambda t: t.split(";"), default=[],
                   help="changes not part of the top (alternatives to kept ones)")
    p.add_argument("--seeds", type=seeds, default=[0])
    p.add_argument("--budget", type=int, default=BUDGET)
    p = sub.add_parser("rungs")
    p.add_argument("--seeds", type=seeds, default=[0, 1, 2])
    p.add_argument("--budget", type=int, default=BUDGET)
    sub.add_parser("table")
    args = parser.parse_args()
    {"search": search, "ablate": ablate, "rungs": rungs, "table": table}[args.mode](args)


if __name__ == "__main__":
    main()
