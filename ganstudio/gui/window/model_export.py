"""File ▸ Export model…: the chosen format written from the session between iterations."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from ganstudio.core.errors import GanStudioError
from ganstudio.core.formats.model_io.formats import FORMATS, export_model
from ganstudio.gui.panels.export_dialog import ExportDialog
from ganstudio.gui.training.controller import TrainingController
from ganstudio.gui.window.file_commands import FileCommands


class ModelExport(QObject):
    def __init__(self, controller: TrainingController, files: FileCommands,
                 show_error: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._controller, self._files, self._show_error = controller, files, show_error
        self._parent = parent   # the export dialog's parent

    def run(self) -> None:
        dialog = ExportDialog(self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name = dialog.format_name
        path = self.ask_path(name)
        if not path:
            return
        self.write(name, path, dialog.discriminator.isChecked())

    def ask_path(self, name: str) -> str:
        suffix = FORMATS[name].suffix
        start = f"{self._controller.session.config.name}{suffix or '-pytorch'}"
        if suffix:
            return self._files.ask_save_path(
                self.tr("Export model"), start,
                self.tr("{name} files (*{suffix})").format(name=name, suffix=suffix))
        # A new folder, named like a file.
        return self._files.ask_save_path(self.tr("Export model to a new folder"), start, "")

    def write(self, name: str, path: str, discriminator: bool = False) -> list[Path]:
        """Exports between iterations; a failure is a message and training goes on untouched."""
        try:
            with self._controller.quiescent() as session:
                written = export_model(session, name, path, discriminator)
        except GanStudioError as error:
            self._show_error(str(error))
            return []
        self._files.say(self.tr("Exported {path}").format(
            path=written[0].parent if name == "pytorch" else written[0]))
        return written
