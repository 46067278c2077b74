"""The File menu's checkpoint and export commands, with their file dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from ganstudio.core.errors import GanStudioError
from ganstudio.core.formats.checkpoint import load_checkpoint, save_checkpoint
from ganstudio.core.formats.run_outputs import save_png, write_metrics_csv
from ganstudio.gui.window.frame import show_preset

MESSAGE_MS = 5000


class FileCommands(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window

    def save_checkpoint(self) -> None:
        path = self.ask_save_path(self.tr("Save checkpoint"), "checkpoint.npz",
                                   self.tr("Checkpoints (*.npz)"))
        if not path:
            return
        try:
            with self._window.controller.quiescent() as session:
                saved = save_checkpoint(session, path)
        except GanStudioError as error:
            self._window.show_error(str(error))
            return
        self._say(self.tr("Saved {path}").format(path=saved))

    def open_checkpoint(self) -> None:

        w = self._window
        path, _ = QFileDialog.getOpenFileName(w, self.tr("Open checkpoint"),
                                              w.settings.last_folder,
                                              self.tr("Checkpoints (*.npz);;All files (*)"))
        if not path:
            return
        w.settings.last_folder = str(Path(path).parent)
        try:
            session = load_checkpoint(path, w.data.filtered())
        except GanStudioError as error:
            w.show_error(str(error))   # the running session is untouched
            return
        w.controller.set_session(session)
        show_preset(w.preset_box, session.config.name)
        w.hyperparameters.set_config(session.config)
        self._say(self.tr("Opened {path} at iteration {n}").format(path=path, n=session.iteration))

    def export_grid(self) -> None:
        path = self.ask_save_path(self.tr("Export grid"), "grid.png", self.tr("PNG images (*.png)"))
        if path:
            self._write_file(lambda: save_png(self._window.view.grid.mosaic, path), path)

    def export_metrics(self) -> None:
        path = self.ask_save_path(self.tr("Export metrics"), "metrics.csv",
                                   self.tr("CSV files (*.csv)"))
        if path:
            self._write_file(lambda: write_metrics_csv(self._window.controller.history, path), path)

    def ask_save_path(self, title: str, name: str, filters: str) -> str:
        settings = self._window.settings
        start = str(Path(settings.last_folder or Path.home()) / name)
        path, _ = QFileDialog.getSaveFileName(self._window, title, start, filters)
        if path:
            settings.last_folder = str(Path(path).parent)
        return path

    def _write_file(self, write, path: str) -> None:
        try:
            write()
        except OSError as error:
            self._window.show_error(self.tr("{path}: could not write: {reason}").format(
                path=path, reason=error.strerror or error))
            return
        self._say(self.tr("Saved {path}").format(path=path))

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, MESSAGE_MS)
