"""File ▸ Export model…: the chosen format written from the session between iterations. What
the core finds wrong with the model (formats.export_warnings: a G that overflows) is said in the
dialog before the export and in the message bar after it, as the CLI says it on stderr."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from ganstudio.core.errors import GanStudioError
from ganstudio.core.formats.model_io.formats import FORMATS, export_model, export_warnings
from ganstudio.gui.panels.export_dialog import ExportDialog
from ganstudio.gui.training.controller import TrainingController
from ganstudio.gui.translations import core_text
from ganstudio.gui.window.file_commands import FileCommands


def warnings_of(session) -> list[str]:
    """The core's export warnings about `session`'s model, in the user's language."""
    return export_warnings(session, lambda text: core_text("Export", text))


class ModelExport(QObject):
    def __init__(self, controller: TrainingController, files: FileCommands,
                 show_error: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._controller, self._files, self._show_error = controller, files, show_error
        self._parent = parent   # the export dialog's parent

    def run(self) -> None:
        with self._controller.quiescent() as session:
            warnings = warnings_of(session)
        dialog = ExportDialog(self._parent, warnings=warnings)
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
                warnings = warnings_of(session)
        except GanStudioError as error:
            self._show_error(str(error))
            return []
        where = written[0].parent if name == "pytorch" else written[0]
        self._files.say(self.tr("Exported {path}").format(path=where))
        for warning in warnings:   # written, but not silently
            self._show_error(self.tr("Exported {path}, but {warning}.").format(path=where, warning=warning))
        return written
