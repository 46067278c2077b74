"""The window's part of `ganstudio selftest` (cli/selftest_command.py runs them after the core's):
the window draws a picture, and the translations load. Each check takes the self-test's state
(its scratch folder and the bundled dataset) and returns one line of detail, or raises."""

from __future__ import annotations

import sys
from pathlib import Path

# A window that drew nothing is one colour; menus, text, plots and digits give hundreds.
MIN_DISTINCT_COLOURS = 32


def check_window(state: dict) -> str:
    import numpy as np
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QImage

    from ganstudio.gui.app import make_application
    from ganstudio.gui.window.saved_settings import WindowSettings

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

    # Every shipped language (its .ts template) must come with a compiled .qm that loads and
    # holds translations: a build that forgot to compile or ship them would show English only.
    languages = sorted(path.stem for path in TRANSLATIONS_DIR.glob("*.ts"))
    compiled = [TRANSLATIONS_DIR / f"{name}.qm" for name in languages]
    if not languages:
        raise RuntimeError("no translations are installed")
    broken = []
    for path in compiled:
        translator = QTranslator()
        if not path.is_file() or not translator.load(str(path)) or translator.isEmpty():
            broken.append(path.name)
    if broken:
        raise RuntimeError(f"missing, unreadable or empty: {', '.join(broken)}")
    from PySide6.QtWidgets import QApplication

    loaded = len(install_translations(QApplication.instance()))
    return f"{len(compiled)} compiled, {loaded} for this system's language"


CHECKS = (("window", check_window), ("translations", check_translations))
