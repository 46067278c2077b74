"""The `fast` recipe at a fixed budget of seconds: the ladder's method (greedy search, three
seeds, a fixed budget, ablation) aimed at the stage's 5 s and 15 s marks (issue 21).

    python benchmarks/recipe_search.py search [--seeds 0,1,2] [--rounds 4] [--workers 2]
    python benchmarks/recipe_search.py ablate --path "name;name" [--seeds 0,1,2]
    python benchmarks/recipe_search.py table

The budget is seconds of `ganstudio train` on a quiet machine, turned into iterations: `fast`
reaches FAST_MARKS in 5 s and 15 s here (benchmarks/time_to_quality.py, median of seeds 0-2),
and a recipe whose step costs more (a wider network, a larger batch: COST_FIELDS) gets
proportionally fewer, by its cost measured against `fast`'s in one process, interleaved
(`relative_cost`). Training to a number of iterations gives the same digits whatever else the
machine is doing, so runs can share its two cores; a budget in CPU seconds, tried first, let
the neighbours' load move a run's iterations by a third. The judge looks at 1,000 fresh samples
(noise seed 12345) at each mark. The search's winner is then timed for real, by wall clock, in
benchmarks/time_to_quality.py.

Every recipe is the search's starting point, `fast` before it (SEARCH_BASE), with changes; the
changes it kept (KEPT) are today's `fast`. `search --from-today` goes on from there.

`search`: each round tries every candidate change (CANDIDATES) on the current recipe and keeps
the one with the lowest score, if it beats the current recipe by MIN_GAIN: the mean over seeds
and marks of log(Fréchet), plus a penalty for every run that misses a class. `ablate`: the recipe with
each named change taken back. Runs are appended to benchmarks/results/recipe_search.jsonl,
one line per (settings, seed); a run already there is not repeated, so a search resumes.
`table`: every recipe measured, means over its seeds.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import json
import math
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ganstudio.blas_threads import one_blas_thread  # noqa: E402,I001

one_blas_thread()   # one BLAS thread, as the app: before NumPy loads (worker processes inherit it)

from ganstudio.core.config.presets import get_preset  # noqa: E402
from ganstudio.core.data import load_bundled  # noqa: E402
from ganstudio.core.quality.evaluation import evaluate_session  # noqa: E402
from ganstudio.core.training.session import TrainingSession  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "recipe_search.jsonl"
COSTS = RESULTS.with_name("recipe_costs.jsonl")
MARKS = (5.0, 15.0)          # seconds on stage
FAST_MARKS = (2_500, 8_000)  # fast's iterations by then (time_to_quality.py: 2,548 and 8,175)
# What changes the cost of a step; any other change costs what `fast` does.
# (Two recipes of the same cost, measured apart, differed by up to 7 %: the noise of a ratio.
# The augmentation's strength and the average's decay are left out, as within that noise.)
COST_FIELDS = ("batch_size", "g_hidden", "d_hidden", "noise_dim", "clusters", "g_reuses_fakes")
COST_ROUNDS, COST_SECONDS = 5, 0.6   # interleaved turns of each recipe, CPU seconds each
SAMPLES, SAMPLE_SEED = 1000, 12345
MISSED_CLASS_PENALTY = 1.0   # in log(Fréchet): a run without every class is far behind
# A change is kept only if it lowers the score by this much (3 % of Fréchet): the first search
# kept "average decay 0.998" in round 3 for 0.022, within what seeds move (docs/quality.md).
MIN_GAIN = 0.03

# (name, overrides relative to the current recipe as a function of it)
CANDIDATES = (
    ("rates x1.5", lambda c: {"lr_d": c.lr_d * 1.5, "lr_g": c.lr_g * 1.5}),
    ("rates x0.7", lambda c: {"lr_d": c.lr_d * 0.7, "lr_g": c.lr_g * 0.7}),
    ("G rate x1.5", lambda c: {"lr_g": c.lr_g * 1.5}),
    ("D rate x1.5", lambda c: {"lr_d": c.lr_d * 1.5}),
    ("rates halve over 8,000 iterations", lambda c: {"lr_decay": 2 ** (1 / 8000), "lr_min": c.lr_g / 4}),
    ("batch x2", lambda c: {"batch_size": c.batch_size * 2}),
    ("batch x2, rates x1.4", lambda c: {"batch_size": c.batch_size * 2, "lr_d": c.lr_d * 1.4,
                                        "lr_g": c.lr_g * 1.4}),
    ("batch /2", lambda c: {"batch_size": max(8, c.batch_size // 2)}),
    ("G wider", lambda c: {"g_hidden": tuple(2 * h for h in c.g_hidden)}),
    ("G last layer wider", lambda c: {"g_hidden": c.g_hidden[:-1] + (2 * c.g_hidden[-1],)}),
    ("G one more layer", lambda c: {"g_hidden": c.g_hidden + (2 * c.g_hidden[-1],)}),
    ("D wider", lambda c: {"d_hidden": tuple(2 * h for h in c.d_hidden)}),
    ("D narrower", lambda c: {"d_hidden": tuple(max(16, h // 2) for h in c.d_hidden)}),
    ("D one more layer", lambda c: {"d_hidden": c.d_hidden + (max(16, c.d_hidden[-1] // 2),)}),
    ("noise x2", lambda c: {"noise_dim": c.noise_dim * 2}),
    ("clusters x2", lambda c: {"clusters": c.clusters * 2}),
    ("clusters /2", lambda c: {"clusters": max(2, c.clusters // 2)}),
    ("augment target -0.1", lambda c: {"d_augment_target": round(c.d_augment_target - 0.1, 3)}),
    ("augment target +0.1", lambda c: {"d_augment_target": round(c.d_augment_target + 0.1, 3)}),
    ("real label 1.0", lambda c: {"d_real_label": 1.0}),
    ("real label 0.8", lambda c: {"d_real_label": 0.8}),
    ("leaky slope 0.2", lambda c: {"leaky_slope": 0.2}),
    ("beta2 0.99", lambda c: {"beta2": 0.99}),
    ("beta1 0.5", lambda c: {"beta1": 0.5}),
    ("average decay 0.998", lambda c: {"g_ema": 0.998}),
    ("average decay 0.9995", lambda c: {"g_ema": 0.9995}),
    ("fresh fakes for G", lambda c: {"g_reuses_fakes": not c.g_reuses_fakes}),
)
CANDIDATE_BY_NAME = dict(CANDIDATES)


# Where the search started: `fast` as it was before it (2026-12-07). Costs are relative to it and
# FAST_MARKS are its iterations; KEPT is the path the search kept, today's `fast`.
SEARCH_BASE = dataclasses.replace(get_preset("fast"), d_hidden=(128,), lr_g=2e-3)
KEPT = ["D one more layer", "G rate x1.5"]


def recipe(path: list[str]):
    """The search's starting recipe with the named changes applied in order."""
    config = SEARCH_BASE
    for name in path:
        config = dataclasses.replace(config, **CANDIDATE_BY_NAME[name](config))
    return config


def settings_key(config) -> str:
    values = dataclasses.asdict(config)
    for field in ("name", "description", "seed", "iterations"):
        values.pop(field)
    return json.dumps(values, sort_keys=True)


def load_results() -> dict:
    rows = {}
    if RESULTS.exists():
        for line in RESULTS.read_text().splitlines():
            row = json.loads(line)
            rows[(row["key"], row["seed"])] = row
    return rows


_train = None


def _training_set():
    global _train
    if _train is None:
        _train = load_bundled("train")
    return _train


def cost_key(config) -> str:
    return json.dumps({field: getattr(config, field) for field in COST_FIELDS}, sort_keys=True)


def relative_cost(config) -> float:
    """CPU time per iteration of `config` over `fast`'s, measured in turns in one process (in a
    worker): the median of COST_ROUNDS ratios, each of two runs of COST_SECONDS."""
    sessions = [TrainingSession(dataclasses.replace(c, iterations=10 ** 9), _training_set())
                for c in (SEARCH_BASE, config)]
    for session in sessions:   # warm: the first iterations allocate
        for _ in range(50):
            session.run_iteration()
    ratios = []
    for _ in range(COST_ROUNDS):
        per_iteration = []
        for session in sessions:
            started, count = time.thread_time(), 0
            while time.thread_time() - started < COST_SECONDS:
                session.run_iteration()
                count += 1
            per_iteration.append((time.thread_time() - started) / count)
        ratios.append(per_iteration[1] / per_iteration[0])
    return round(statistics.median(ratios), 3)


def load_costs() -> dict:
    costs = {cost_key(SEARCH_BASE): 1.0}
    if COSTS.exists():
        for line in COSTS.read_text().splitlines():
            row = json.loads(line)
            costs[row["key"]] = row["ratio"]
    return costs


def measure_costs(configs: list, workers: int) -> dict:
    costs = load_costs()
    todo = {cost_key(c): c for c in configs if cost_key(c) not in costs}
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        for key, ratio in zip(todo, pool.map(relative_cost, todo.values())):
            with COSTS.open("a") as out:
                out.write(json.dumps({"key": key, "ratio": ratio}) + "\n")
            costs[key] = ratio
            print(f"  cost {ratio:.3f} x fast's: {key}", flush=True)
    return costs


def marks_for(config, costs: dict) -> list[int]:
    return [max(1, round(m / costs[cost_key(config)])) for m in FAST_MARKS]


def run(config, seed: int, label: str, marks: list[int]) -> dict:
    """Train one seed to each mark (iterations), judging at each (in a worker process)."""
    key = settings_key(config)
    session = TrainingSession(dataclasses.replace(config, seed=seed, iterations=max(marks)), _training_set())
    judged = []
    for seconds, mark in zip(MARKS, marks):
        while session.iteration < mark:
            session.run_iteration()
        report = evaluate_session(session, n=SAMPLES, parzen_centres=0, seed=SAMPLE_SEED)
        judged.append({"mark": seconds, "iterations": session.iteration,
                       "confident_share": round(report.classes.confident_share, 4),
                       "kl": round(report.classes.kl, 4), "covered": report.classes.covered,
                       "frechet": round(report.frechet.distance, 3)})
    return {"key": key, "seed": seed, "label": label, "marks": judged}


def measure(recipes: list[tuple[str, object]], seeds: list[int], workers: int, results: dict) -> None:
    """Every (recipe, seed) not yet in `results`, `workers` at a time, appended as they end."""
    costs = measure_costs([c for _, c in recipes], workers)
    todo = [(c, s, label, marks_for(c, costs)) for label, c in recipes for s in seeds
            if (settings_key(c), s) not in results]
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        for row in (f.result() for f in concurrent.futures.as_completed(
                [pool.submit(run, *job) for job in todo])):
            with RESULTS.open("a") as out:
                out.write(json.dumps(row) + "\n")
            results[(row["key"], row["seed"])] = row
            print(f"  {row['label']:<55} seed {row['seed']}: " + "; ".join(
                f"{m['mark']:g}s {m['iterations']} it conf {m['confident_share']:.3f} "
                f"F {m['frechet']:.1f} {m['covered']}/10" for m in row["marks"]), flush=True)


def rows_of(config, seeds, results) -> list[dict]:
    return [results[(settings_key(config), s)] for s in seeds]


def score(rows: list[dict]) -> float:
    """Lower is better: mean of log(Fréchet) over seeds and marks, a missed class penalised."""
    values = [math.log(m["frechet"]) + (MISSED_CLASS_PENALTY if m["covered"] < 10 else 0.0)
              for row in rows for m in row["marks"]]
    return statistics.fmean(values)


def mark_means(rows: list[dict], i: int) -> dict:
    """Means over the seeds' runs at the i-th mark (classes: the fewest)."""
    at = [row["marks"][i] for row in rows]
    means = {k: statistics.fmean(m[k] for m in at) for k in ("iterations", "confident_share", "frechet", "kl")}
    return means | {"covered": min(m["covered"] for m in at)}


def summary(rows: list[dict]) -> str:
    return "; ".join(f"{mark:g}s: it {m['iterations']:.0f}, conf {m['confident_share']:.3f}, "
                     f"F {m['frechet']:.1f}, KL {m['kl']:.3f}, classes {m['covered']}"
                     for mark, m in ((mark, mark_means(rows, i)) for i, mark in enumerate(MARKS)))


def search(args) -> None:
    results = load_results()
    path = KEPT if args.from_today else list(args.start)
    for round_no in range(1, args.rounds + 1):
        current = recipe(path)
        tried = [(name, dataclasses.replace(current, **CANDIDATE_BY_NAME[name](current)))
                 for name, _ in CANDIDATES]   # a change may be taken again (rates x1.5 twice)
        tried = [(name, c) for name, c in tried if settings_key(c) != settings_key(current)]
        measure([("+".join(path) or "fast", current)] + [("+".join(path + [n]), c) for n, c in tried],
                args.seeds, args.workers, results)
        base = score(rows_of(current, args.seeds, results))
        ranked = sorted((score(rows_of(c, args.seeds, results)), name, c) for name, c in tried)
        print(f"round {round_no}: current {base:.3f} ({summary(rows_of(current, args.seeds, results))})")
        for s, name, c in ranked:
            print(f"    {s:.3f} {name}: {summary(rows_of(c, args.seeds, results))}")
        best, name, _ = ranked[0]
        if best > base - MIN_GAIN:
            print(f"round {round_no}: nothing beats the current recipe by {MIN_GAIN}; stop", flush=True)
            break
        path.append(name)
        print(f"round {round_no}: keep {name} ({base:.3f} -> {best:.3f}); path {';'.join(path)}", flush=True)


def ablate(args) -> None:
    results = load_results()
    full = recipe(args.path)
    runs = [("+".join(args.path), full)]
    runs += [(f"without {name}", recipe([n for n in args.path if n != name])) for name in args.path]
    measure(runs, args.seeds, args.workers, results)
    for label, c in runs:
        rows = rows_of(c, args.seeds, results)
        print(f"{score(rows):.3f} {label}: {summary(rows)}")


def table(args) -> None:
    by_key: dict[str, list[dict]] = {}
    for row in load_results().values():
        by_key.setdefault(row["key"], []).append(row)
    print("| recipe | seeds | score | " + " | ".join(f"{m:g} s: iterations, confident, Fréchet, KL"
                                                   for m in MARKS) + " |")
    print("|---|---|---|" + "---|" * len(MARKS))
    for rows in sorted(by_key.values(), key=score):
        cells = [f"{m['iterations']:.0f}, {m['confident_share']:.3f}, {m['frechet']:.1f}, {m['kl']:.3f}"
                 for m in (mark_means(rows, i) for i in range(len(MARKS)))]
        print(f"| {rows[0]['label']} | {','.join(str(r['seed']) for r in rows)} | {score(rows):.3f} | "
              + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    seeds = lambda t: [int(s) for s in t.split(",")]  # noqa: E731
    names = lambda t: [n for n in t.split(";") if n]  # noqa: E731
    for mode in ("search", "ablate"):
        p = sub.add_parser(mode)
        p.add_argument("--seeds", type=seeds, default=[0, 1, 2])
        p.add_argument("--workers", type=int, default=2)
    sub.choices["search"].add_argument("--rounds", type=int, default=4)
    sub.choices["search"].add_argument("--start", type=names, default=[],
                                       help="changes already kept, separated by ';'")
    sub.choices["search"].add_argument("--from-today", action="store_true",
                                       help="start from today's fast (the changes kept, KEPT)")
    sub.choices["ablate"].add_argument("--path", type=names, required=True)
    sub.add_parser("table")
    args = parser.parse_args()
    {"search": search, "ablate": ablate, "table": table}[args.mode](args)


if __name__ == "__main__":
    main()
