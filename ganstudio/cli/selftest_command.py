"""`ganstudio selftest`: checks that this installation works, with no display needed: the
bundled data loads, the default preset trains, the judge loads, the window draws a picture,
the translations load. It prints a short report (what CI keeps, what a user pastes into a bug
report) and exits 0, or prints one line saying what is broken and exits 1.

It leaves the user's things alone: settings go to a temporary .ini and the data folder to a
temporary one, both removed at the end."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from ganstudio.cli.display import display_available

TRAIN_ITERATIONS = 20


def register(subparsers) -> None:
    p = subparsers.add_parser("selftest", help="check that this installation works (no display needed)")
    p.add_argument("--report", metavar="FILE", type=Path, help="also write the report to FILE")
    p.set_defaults(func=run)


def check_data(state: dict) -> str:
    from ganstudio.core.data import load_bundled

    state["dataset"] = load_bundled()
    return f"{len(state['dataset'].images)} bundled images"


def check_training(state: dict) -> str:
    import numpy as np

    from ganstudio.core.config.overrides import with_overrides
    from ganstudio.core.config.presets import DEFAULT_PRESET, get_preset
    from ganstudio.core.training.session import TrainingSession

    config = with_overrides(get_preset(DEFAULT_PRESET), {"iterations": TRAIN_ITERATIONS})
    last = list(TrainingSession(config, state["dataset"]).run())[-1]
    numbers = (last.d_real, last.d_fake, last.d_loss, last.g_loss)
    if last.iteration != TRAIN_ITERATIONS or not np.all(np.isfinite(numbers)):
        raise RuntimeError(f"stopped at iteration {last.iteration} with losses {numbers}")
    return f"{TRAIN_ITERATIONS} iterations of '{DEFAULT_PRESET}', D loss {last.d_loss:.3f}, G loss {last.g_loss:.3f}"


# The judge scores 0.97 on the held-out digits when it ships; a broken load (weights in the
# wrong order, a damaged file) drops far below this.
MIN_JUDGE_ACCURACY = 0.9


def check_judge(state: dict) -> str:
    """Measures the judge on the 2,000 held-out bundled digits, not only its stored number."""
    from ganstudio.core.data import load_bundled
    from ganstudio.core.quality.judge import load_judge

    judge, held_out = load_judge(), load_bundled("test")
    measured = float((judge.predict_proba(held_out.images).argmax(axis=1) == held_out.labels).mean())
    if measured < MIN_JUDGE_ACCURACY:
        raise RuntimeError(f"it names {measured:.1%} of the held-out digits right (shipped: "
                           f"{judge.accuracy:.1%})")
    return f"accuracy {measured:.3f} on {len(held_out.images):,} held-out digits (shipped: {judge.accuracy:.3f})"


# The core's checks; the window's (gui/selftest_checks.py) follow them when the launcher
# hands them in.
CHECKS = (("data", check_data), ("training", check_training), ("judge", check_judge))


def versions() -> list[str]:
    import numpy  # noqa: I001 - PySide6 before pyqtgraph, so pyqtgraph picks that binding
    import PySide6
    from PySide6.QtCore import qVersion

    import pyqtgraph

    from ganstudio import __version__

    return [f"GAN Studio {__version__}, Python {platform.python_version()}, "
            f"Qt {qVersion()} (PySide6 {PySide6.__version__}), NumPy {numpy.__version__}, "
            f"pyqtgraph {pyqtgraph.__version__}", f"platform: {platform.platform()}"]


def run(args) -> int:
    if not display_available():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # read when the QApplication is made
    report = []

    def say(line: str) -> None:
        report.append(line)
        print(line, flush=True)

    with tempfile.TemporaryDirectory(prefix="ganstudio-selftest-") as scratch:
        saved_data_dir = os.environ.get("GANSTUDIO_DATA_DIR")
        os.environ["GANSTUDIO_DATA_DIR"] = str(Path(scratch) / "data")
        try:
            checks = CHECKS + tuple(args.window_checks())
            failure = run_checks({"scratch": scratch}, say, checks)
        finally:
            os.environ.pop("GANSTUDIO_DATA_DIR")
            if saved_data_dir is not None:
                os.environ["GANSTUDIO_DATA_DIR"] = saved_data_dir
    if failure:
        report.append(failure)
    if args.report:  # also after a failure: that is when the report is wanted most
        unwritten = write_report(args.report, report)
        failure = failure or unwritten
    if failure:
        print(failure, file=sys.stderr)
    return 1 if failure else 0


def write_report(path: Path, report: list[str]) -> str | None:
    from ganstudio.core.files.atomic import atomic_file

    try:
        with atomic_file(path, "w", encoding="utf-8") as handle:
            handle.write("\n".join(report) + "\n")
    except OSError as exc:
        return f"selftest failed: report: {path}: {exc.strerror or exc}"
    return None


def run_checks(state: dict, say, checks=CHECKS) -> str | None:
    """None when every check passed, else the one line that says which failed and why."""
    name = "versions"
    try:
        for line in versions():
            say(line)
        for name, check in checks:
            start = time.perf_counter()
            detail = check(state)
            say(f"ok  {name:<12} {time.perf_counter() - start:6.2f} s  {detail}")
    except Exception as exc:  # noqa: BLE001 - any failure is reported as one line
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return f"selftest failed: {name}: {reason}"
    say("selftest passed")
    return None
