"""The File menu's checkpoint and export commands, with their file dialogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QStatusBar, QWidget

from ganstudio.core.errors import GanStudioError
from ganstudio.core.formats.checkpoint import load_checkpoint, save_checkpoint
from ganstudio.core.formats.run_outputs import save_png, write_metrics_csv
from ganstudio.gui.training.controller import TrainingController
from ganstudio.gui.views.training_view import TrainingView
from ganstudio.gui.window.dataset_choice import DatasetChoice
from ganstudio.gui.window.saved_settings import WindowSettings
from ganstudio.gui.window.session_policy import SessionPolicy

MESSAGE_MS = 5000


class FileCommands(QObject):
    def __init__(self, controller: TrainingController, data: DatasetChoice, policy: SessionPolicy,
                 view: TrainingView, settings: WindowSettings, status_bar: QStatusBar,
                 show_error: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._controller, self._data, self._policy, self._view = controller, data, policy, view
        self._settings, self._status_bar, self._show_error = settings, status_bar, show_error
        self._parent = parent   # the file dialogs' parent

    def save_checkpoint(self) -> None:
        path = self.ask_save_path(self.tr("Save checkpoint"), "checkpoint.npz",
                                   self.tr("Checkpoints (*.npz)"))
        if not path:
            return
        try:
            with self._controller.quiescent() as session:
                saved = save_checkpoint(session, path)
        except GanStudioError as error:
            self._show_error(str(error))
            return
        self.say(self.tr("Saved {path}").format(path=saved))

    def open_checkpoint(self) -> None:
        settings = self._settings
        path, _ = QFileDialog.getOpenFileName(self._parent, self.tr("Open checkpoint"),
                                              settings.last_folder,
                                              self.tr("Checkpoints (*.npz);;All files (*)"))
        if not path:
            return
        settings.last_folder = str(Path(path).parent)
        session = self.open_path(path)
        if session is not None:
            self.say(self.tr("Opened {path} at iteration {n}").format(path=path, n=session.iteration))

    def open_path(self, path) -> object | None:
        """The checkpoint at `path` becomes the session, on the chosen data; a file that cannot
        be opened is one message, and the running session is untouched (then None)."""
        try:
            session = load_checkpoint(path, self._data.filtered())
        except GanStudioError as error:
            self._show_error(str(error))
            return None
        self._policy.adopt(session, session.config)
        return session

    def export_grid(self) -> None:
        path = self.ask_save_path(self.tr("Export grid"), "grid.png", self.tr("PNG images (*.png)"))
        if path:
            self.write_file(lambda: save_png(self._view.grid.mosaic, path), path)

    def export_metrics(self) -> None:
        path = self.ask_save_path(self.tr("Export metrics"), "metrics.csv",
                                   self.tr("CSV files (*.csv)"))
        if path:
            self.write_file(lambda: write_metrics_csv(self._controller.history, path), path)

    def ask_save_path(self, title: str, name: str, filters: str) -> str:
        settings = self._settings
        start = str(Path(settings.last_folder or Path.home()) / name)
        path, _ = QFileDialog.getSaveFileName(self._parent, title, start, filters)
        if path:
            settings.last_folder = str(Path(path).parent)
        return path

    def say(self, message: str) -> None:
        """A passing note in the status bar (a file saved, opened, exported)."""
        self._status_bar.showMessage(message, MESSAGE_MS)

    def write_file(self, write, path: str) -> None:
        """`write()` a file the user named; a failure is one message, success a passing note."""
        try:
            write()
        except OSError as error:
            self._show_error(self.tr("{path}: could not write: {reason}").format(
                path=path, reason=error.strerror or error))
            return
        self.say(self.tr("Saved {path}").format(path=path))
