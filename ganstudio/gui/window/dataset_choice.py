"""The chosen dataset: opened (or downloaded, with progress) off the GUI thread, from the Data
panel, a file dialog or the settings; the digit filter applied on demand."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from ganstudio.core.data import access as dataset_loading
from ganstudio.core.errors import GanStudioError
from ganstudio.gui.jobs import JobRunner
from ganstudio.gui.panels.dataset_panel import DatasetPanel
from ganstudio.gui.window.saved_settings import WindowSettings


class DatasetChoice(QObject):
    # A dataset the user chose (panel, dialog, download) has opened and is now the choice;
    # the session policy decides whether it becomes the session.
    opened = Signal()

    def __init__(self, panel: DatasetPanel, settings: WindowSettings,
                 show_error: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._panel, self._settings, self._show_error = panel, settings, show_error
        self._parent = parent   # the file dialogs' parent
        self.dataset = None          # the whole chosen dataset (before the digit filter)
        self.spec = "bundled"
        self._jobs = JobRunner(self)
        self._cancel_download = threading.Event()   # set on close: a download stops promptly

    def filtered(self):
        """The chosen dataset with the digit filter applied."""
        return dataset_loading.apply_filter(self.dataset, self.digits())

    def digits(self) -> tuple[int, ...] | None:
        """The digit filter's choice (None: all ten)."""
        return self._panel.digit_filter.digits()

    def set_digits_quietly(self, digits: tuple[int, ...] | None) -> None:
        """Sets the digit filter without applying it: the reset that follows does."""
        digit_filter = self._panel.digit_filter
        digit_filter.blockSignals(True)
        digit_filter.set_digits(digits)
        digit_filter.blockSignals(False)

    def use(self, spec: str, dataset) -> None:
        self.dataset, self.spec = dataset, spec
        self._panel.select(spec, dataset.name)
        self._panel.status.setText(dataset.name)

    def use_all_bundled(self) -> None:
        """The bundled digits, all ten (not applied: the reset that follows does)."""
        if self.spec != "bundled":
            self.use("bundled", dataset_loading.open_spec("bundled"))
        self.set_digits_quietly(None)

    def open_remembered(self, spec: str) -> None:
        """The remembered dataset if it opens offline, else (with a message) the bundled one."""
        try:
            if dataset_loading.is_local(spec):
                self.use(spec, dataset_loading.open_spec(spec))
                return
        except GanStudioError as error:
            self._show_error(str(error))
        self.use("bundled", dataset_loading.open_spec("bundled"))

    def choose(self, spec: str) -> None:
        panel = self._panel
        if dataset_loading.needs_download(spec):
            panel.show_download_needed(True)
            panel.status.setText(self.tr("Not downloaded yet. Download once, then it works "
                                         "offline."))
            return
        panel.show_download_needed(False)
        self._jobs.submit(lambda report: dataset_loading.open_spec(spec),
                          lambda dataset: self._opened(spec, dataset), self._show_error)

    def ask_and_choose(self, folder: bool) -> None:
        settings = self._settings
        if folder:
            path = QFileDialog.getExistingDirectory(
                self._parent, self.tr("Open a folder of digit images"), settings.last_folder)
        else:
            path, _ = QFileDialog.getOpenFileName(
                self._parent, self.tr("Open a dataset file"), settings.last_folder,
                self.tr("Datasets (*.gz *ubyte *.idx* *.npz *.mat);;All files (*)"))
        if path:
            settings.last_folder = str(Path(path).parent)
            self.choose(path)

    def download(self, spec: str) -> None:
        panel = self._panel
        panel.download.setEnabled(False)
        cancel = self._cancel_download

        def ended() -> None:
            panel.hide_download_progress()
            panel.download.setEnabled(True)

        def finished(dataset) -> None:
            ended()
            panel.show_download_needed(False)
            self._opened(spec, dataset)

        def failed(message: str) -> None:
            ended()
            self._show_error(message)

        self._jobs.submit(lambda report: dataset_loading.download(spec, report, cancel),
                          finished, failed, panel.show_download_progress)

    def shutdown(self, wait: bool = True) -> None:
        self._cancel_download.set()
        self._jobs.shutdown(wait)   # a dataset read, or a download the cancel event is ending

    def _opened(self, spec: str, dataset) -> None:
        self.use(spec, dataset)
        self.opened.emit()
