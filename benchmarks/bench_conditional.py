"""Does a conditional G draw the digit it is asked for, and how soon?

    python benchmarks/bench_conditional.py [--preset conditional] [--seed 0]
                                           [--marks 15,30,60,120] [--iterations]
                                           [--per-digit 200] [--set key=value ...]

Trains the preset on the 8,000 bundled digits; at each mark (seconds of training, the clock
paused while judging; with --iterations, iterations: the same numbers on any machine) asks G for each digit 0–9 `per-digit` times from fresh noise and prints
the share the bundled judge calls the asked digit, and at the last mark the 10×10 confusion
(rows: the digit asked; columns: the judge's call, in %). One BLAS thread, as the app; the
machine may be shared, so the iteration counts say how much training a mark held.
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
from ganstudio.core.quality.judge import load_judge  # noqa: E402
from ganstudio.core.training.session import TrainingSession  # noqa: E402

np = sys.modules["numpy"]   # NumPy, loaded (by the imports above) after the BLAS setting

SAMPLE_SEED = 12345


def confusion(session: TrainingSession, per_digit: int) -> np.ndarray:
    """(10, 10) shares: row = the digit asked, column = the judge's call."""
    judge = load_judge()
    table = np.zeros((10, 10))
    for digit in session.trained_digits():
        images = session.sample(per_digit, seed=SAMPLE_SEED + digit, digit=digit)
        calls = judge.predict_proba(images).argmax(axis=1)
        table[digit] = np.bincount(calls, minlength=10) / per_digit
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", default="conditional")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--marks", default="15,30,60,120")
    parser.add_argument("--iterations", action="store_true", help="marks are iterations, not seconds")
    parser.add_argument("--per-digit", type=int, default=200)
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    args = parser.parse_args()
    overrides = dict(item.split("=", 1) for item in args.set)
    config = with_overrides(get_preset(args.preset), {**overrides, "seed": str(args.seed),
                                                       "iterations": str(10 ** 9)})
    marks = [float(m) for m in args.marks.split(",")]
    began = time.perf_counter()
    session = TrainingSession(config, load_bundled("train"))
    trained, table = 0.0, None
    for mark in marks:
        while (session.iteration if args.iterations else trained) < mark:
            session.run_iteration()
            trained = time.perf_counter() - began
        table = confusion(session, args.per_digit)
        hits = np.diag(table)[session.trained_digits()]
        print(f"{trained:5.0f} s  iteration {session.iteration:6,}  asked digit drawn: "
              f"mean {hits.mean():5.1%}, worst {hits.min():5.1%}  "
              f"[{' '.join(f'{h:.0%}' for h in hits)}]", flush=True)
        began = time.perf_counter() - trained   # the judging is not training time
    print("\nconfusion at the last mark (%; rows: asked, columns: the judge's call)")
    print("asked | " + " ".join(f"{c:>4}" for c in range(10)))
    for digit in range(10):
        print(f"{digit:>5} | " + " ".join(f"{100 * v:4.0f}" for v in table[digit]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
