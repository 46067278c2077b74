"""Runs the real app (`ganstudio` with no sub-command, as `python -m ganstudio` does) for the
shutdown tests, and prints "ready" once the window is shown and training runs (with the argument
"evaluating": and "Evaluate now" is busy). Test-side only: the app knows nothing of it. The
caller points XDG_CONFIG_HOME and GANSTUDIO_DATA_DIR at a temporary folder."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ganstudio.gui.app import make_application
from ganstudio.launcher import main


def start_training_then_announce() -> None:
    windows = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow"]
    if not windows or not windows[0].isVisible():
        QTimer.singleShot(20, start_training_then_announce)
        return
    controller = windows[0].controller
    controller.start()

    def announce_once_trained() -> None:
        if controller.last_progress is None:
            return
        controller.progress.disconnect(announce_once_trained)
        if "evaluating" in sys.argv:
            metrics = windows[0].quality_panel.metrics
            metrics.evaluate_action.trigger()
            assert metrics.busy
        print("ready", flush=True)

    controller.progress.connect(announce_once_trained)


if __name__ == "__main__":
    make_application()   # the same instance main() goes on to use
    QTimer.singleShot(0, start_training_then_announce)
    sys.exit(main([]))   # (main() parses its own argument list, not sys.argv)
