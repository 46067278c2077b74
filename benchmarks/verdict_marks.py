"""The numbers the end-of-run verdict (ganstudio/core/quality/verdict.py) reads, measured on real runs
of every preset at a few iteration marks, so its thresholds rest on what runs really do.

    python benchmarks/verdict_marks.py [--presets seed,fast,mlp,goodfellow2014]
                                       [--marks seed:50,300,1500 ...]

At each mark: the judge's class shares of 1,000 fresh samples (seed 12345, as `ganstudio eval`),
the classes holding at least 1 %, 3 %, 5 % of them, the largest share, KL, the confident and
not-digit-like shares, D's means over the last iterations, and the verdict itself. Iterations,
not seconds: the same marks give the same numbers on any machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ganstudio.blas_threads import one_blas_thread  # noqa: E402,I001

one_blas_thread()   # one BLAS thread, as the app: before NumPy loads (import ganstudio no longer sets it)
from ganstudio.core.config.overrides import with_overrides  # noqa: E402
from ganstudio.core.config.presets import get_preset  # noqa: E402
from ganstudio.core.data import load_bundled  # noqa: E402
from ganstudio.core.quality.evaluation import class_report  # noqa: E402
from ganstudio.core.training.session import TrainingSession  # noqa: E402

DEFAULT_MARKS = {
    "seed": (50, 300, 1500),
    "fast": (500, 3000, 10000, 20000),
    "mlp": (700, 3000, 10000, 30000),
    "goodfellow2014": (250, 1000, 3000, 6000),
}


def measure(preset: str, marks: tuple[int, ...]) -> None:
    config = with_overrides(get_preset(preset), {"iterations": max(marks)})
    session = TrainingSession(config, load_bundled("train"))
    start = time.perf_counter()
    for progress in session.run(log_every=1):
        if session.iteration in marks or progress.finished:
            print(row(preset, session, time.perf_counter() - start, progress), flush=True)
        if progress.finished:
            break


def row(preset: str, session: TrainingSession, seconds: float, progress) -> str:
    try:
        from ganstudio.core.quality.verdict import session_verdict
    except ImportError:   # the first measurement ran before the verdict existed
        session_verdict = None
    classes = class_report(session.sample(1000, seed=12345))
    shares = classes.histogram
    kinds = [int((shares >= t).sum()) for t in (0.01, 0.03, 0.05)]
    d_real, d_fake = (sum(session.history[k][-50:]) / len(session.history[k][-50:])
                      for k in ("d_real", "d_fake"))
    verdict = (session_verdict(session, progress.stop_reason if progress.finished else None)
               if session_verdict else None)
    return (f"| {preset} | {session.iteration:,} | {seconds:.0f} s | {classes.covered} | "
            f"{kinds[0]} / {kinds[1]} / {kinds[2]} | {shares.max():.1%} | {classes.kl:.3f} | "
            f"{classes.confident_share:.1%} | {classes.unlike_share:.1%} | {d_real:.3f} | "
            f"{d_fake:.3f} | {verdict.code if verdict else '–'} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presets", default=",".join(DEFAULT_MARKS))
    args = parser.parse_args()
    print("| preset | iteration | time | covered | classes ≥ 1 / 3 / 5 % | largest share | KL | "
          "confident ≥ 0.9 | not digit-like | D(real) | D(fake) | verdict |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for preset in args.presets.split(","):
        measure(preset, DEFAULT_MARKS[preset])


if __name__ == "__main__":
    main()
