"""File ▸ Export model…: the chosen format written from the session between iterations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from ganstudio.core.errors import GanStudioError
from ganstudio.core.formats.model_io.formats import FORMATS, export_model
from ganstudio.gui.panels.export_dialog import ExportDialog
from ganstudio.gui.window.file_commands import MESSAGE_MS


class ModelExport(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window

    def run(self) -> None:
        w = self._window
        dialog = ExportDialog(w)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name = dialog.format_name
        path = self.ask_path(name)
        if not path:
            return
        self.write(name, path, dialog.discriminator.isChecked())

    def ask_path(self, name: str) -> str:
        suffix = FORMATS[name].suffix
        start = f"{self._window.controller.session.config.name}{suffix or '-pytorch'}"
        if suffix:
            return self._window.files.ask_save_path(
                self.tr("Export model"), start,
                self.tr("{name} files (*{suffix})").format(name=name, suffix=suffix))
        # A new folder, named like a file.
        return self._window.files.ask_save_path(self.tr("Export model to a new folder"), start, "")

    def write(self, name: str, path: str, discriminator: bool = False) -> list[Path]:
        """Exports between iterations; a failure is a message and training goes on untouched."""
        try:
            with self._window.controller.quiescent() as session:
                written = export_model(session, name, path, discriminator)
        except GanStudioError as error:
            self._window.show_error(str(error))
            return []
        self._window.statusBar().showMessage(self.tr("Exported {path}").format(path=written[0].parent
                                             if name == "pytorch" else written[0]), MESSAGE_MS)
        return written
