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
# A window that drew nothing is one colour; menus, text, plots and digits give hundreds.
MIN_DISTINCT_COLOURS = 32


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

    from ganstudio.core.config import DEFAULT_PRESET, get_preset, with_overrides
    from ganstudio.core.training import TrainingSession

    config = with_overrides(get_preset(DEFAULT_PRESET), {"iterations": TRAIN_ITERATIONS})
    last = list(TrainingSession(config, state["dataset"]).run())[-1]
    numbers = (last.d_real, last.d_fake, last.d_loss, last.g_loss)
    if last.iteration != TRAIN_ITERATIONS or not np.all(np.isfinite(numbers)):
        raise RuntimeError(f"stopped at iteration {last.iteration} with losses {numbers}")
    return f"{TRAIN_ITERATIONS} iterations of '{DEFAULT_PRESET}', D loss {last.d_loss:.3f}, G loss {last.g_loss:.3f}"


def check_judge(state: dict) -> str:
    from ganstudio.core.judge import load_judge

    return f"accuracy {load_judge().accuracy:.3f}"


def check_window(state: dict) -> str:
    import numpy as np
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QImage

    from ganstudio.gui.app import make_application
    from ganstudio.gui.window_settings import WindowSettings

    app = make_application()
    from ganstudio.gui.main_window import MainWindow  # after QApplication: pyqtgraph needs it

    if app.platformName() == "offscreen":
        _quiet_offscreen_limits()

    settings = WindowSettings(QSettings(str(Path(state["scratch"]) / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, state["dataset"])
    # Laid out and painted like a shown window, but never put on a real screen.
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    try:
        window.show()
        app.processEvents()
        image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        width, height = image.width(), image.height()
        pixels = np.frombuffer(image.constBits(), np.uint32, height * image.bytesPerLine() // 4)
        colours = len(np.unique(pixels.reshape(height, -1)[:, :width]))
    finally:
        window.shutdown()
        window.close()
        window.deleteLater()
        app.processEvents()
    if colours <= MIN_DISTINCT_COLOURS:
        raise RuntimeError(f"the window's picture is blank ({colours} colours in {width}x{height})")
    return f"{width}x{height} on '{app.platformName()}', {colours} colours"


# What Qt's offscreen platform says about itself, not about GAN Studio: the window asks for size
# hints that a platform without a window manager cannot pass on. A report must not look broken.
OFFSCREEN_LIMITS = ("This plugin does not support propagateSizeHints()",)


def _quiet_offscreen_limits() -> None:
    from PySide6.QtCore import qInstallMessageHandler

    def handler(kind, context, text: str) -> None:
        if text not in OFFSCREEN_LIMITS:
            sys.stderr.write(text + "\n")

    qInstallMessageHandler(handler)


def check_translations(state: dict) -> str:
    from PySide6.QtCore import QTranslator

    from ganstudio.gui.translations import TRANSLATIONS_DIR, install_translations

    compiled = sorted(TRANSLATIONS_DIR.glob("*.qm"))
    broken = [path.name for path in compiled if not QTranslator().load(str(path))]
    if broken:
        raise RuntimeError(f"cannot load {', '.join(broken)}")
    from PySide6.QtWidgets import QApplication

    loaded = len(install_translations(QApplication.instance()))
    return f"{len(compiled)} compiled, {loaded} for this system's language"


CHECKS = (("data", check_data), ("training", check_training), ("judge", check_judge),
          ("window", check_window), ("translations", check_translations))


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
            failure = run_checks({"scratch": scratch}, say)
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
    from ganstudio.core.atomic import atomic_file

    try:
        with atomic_file(path, "w", encoding="utf-8") as handle:
            handle.write("\n".join(report) + "\n")
    except OSError as exc:
        return f"selftest failed: report: {path}: {exc.strerror or exc}"
    return None


def run_checks(state: dict, say) -> str | None:
    """None when every check passed, else the one line that says which failed and why."""
    name = "versions"
    try:
        for line in versions():
            say(line)
        for name, check in CHECKS:
            start = time.perf_counter()
            detail = check(state)
            say(f"ok  {name:<12} {time.perf_counter() - start:6.2f} s  {detail}")
    except Exception as exc:  # noqa: BLE001 - any failure is reported as one line
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return f"selftest failed: {name}: {reason}"
    say("selftest passed")
    return None
