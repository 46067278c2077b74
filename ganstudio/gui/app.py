"""`ganstudio` with no sub-command: the window, on the bundled data and the default preset.
Training waits for the user's Start (Space)."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from ganstudio import __version__
from ganstudio.core.engine import threads
from ganstudio.core.files.bundled_assets import asset_path
from ganstudio.gui.jobs import jobs_running
from ganstudio.gui.quit_from_outside import SignalCloser, X11Watch
from ganstudio.gui.translations import install_translations
from ganstudio.gui.window.saved_settings import APPLICATION, ORGANIZATION

ICON = "icon/ganstudio.svg"   # drawn for GAN Studio: assets/README.md
# The installed desktop entry's name (packaging/linux/): Wayland docks match the window to it
# to show the icon and name; on X11 the entry's StartupWMClass does the same.
APP_ID = "org.ganstudio.GANStudio"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, named so QSettings knows where this app's settings live."""
    app = QApplication.instance()
    if app is None:
        # Crisp on fractional-scale (e.g. 150 %) high-DPI screens instead of rounding to 2x.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1] if argv is None else argv)
    # Training leaves the GUI thread a core's share where there are cores to spare (the one
    # thread policy: core/engine/threads.py; on 2 cores the window trains like the command line).
    threads.configure(gui=True)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(asset_path(ICON))))   # every window, and the task bar
    QGuiApplication.setDesktopFileName(APP_ID)
    if not hasattr(app, "_ganstudio_translators"):
        app._ganstudio_translators = install_translations(app)
    return app


def run_app(argv: list[str] | None = None) -> int:
    app = make_application(argv)
    # From here on SIGINT and SIGTERM close the windows from inside the event loop (one that
    # arrives while the window is being built closes it as soon as the loop runs).
    signals = SignalCloser(app.closeAllWindows)
    from ganstudio.gui.main_window import MainWindow  # after QApplication: pyqtgraph needs it

    window = MainWindow()
    window.wait_for_jobs_on_close = False
    # An exception nothing caught: logged, shown in a dialog with the report, the session kept.
    from ganstudio.gui.crash_report import CrashReporter

    crashes = CrashReporter(window).install()
    x11 = X11Watch(lambda: int(window.winId()), window.close, window.shutdown) \
        if app.platformName() == "xcb" else None
    # However the loop ends, training stops and the settings are saved before Python exits.
    app.aboutToQuit.connect(window.shutdown)
    window.show()
    try:
        status = app.exec()
    finally:
        crashes.uninstall()
        signals.uninstall()
        if x11 is not None:
            x11.uninstall()
    if jobs_running():
        # Abandoned work (an evaluation can take seconds) would hold up the exit, and Python
        # ending under a running QThread aborts. Settings are saved, training has stopped.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    return status
