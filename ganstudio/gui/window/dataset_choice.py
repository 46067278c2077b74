"""The chosen dataset: opened (or downloaded, with progress) off the GUI thread, from the Data
panel, a file dialog or the settings; the digit filter applied on demand."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from ganstudio.core.data import access as dataset_loading
from ganstudio.core.errors import GanStudioError
from ganstudio.gui.jobs import JobRunner


class DatasetChoice(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self.dataset = None          # the whole chosen dataset (before the digit filter)
        self.spec = "bundled"
        self._jobs = JobRunner(self)
        self._cancel_download = threading.Event()   # set on close: a download stops promptly

    def filtered(self):
        """The chosen dataset with the digit filter applied."""
        return dataset_loading.apply_filter(self.dataset,
                                            self._window.data_panel.digit_filter.digits())

    def use(self, spec: str, dataset) -> None:
        panel = self._window.data_panel
        self.dataset, self.spec = dataset, spec
        panel.select(spec, dataset.name)
        panel.status.setText(dataset.name)

    def open_remembered(self, spec: str) -> None:
        """The remembered dataset if it opens offline, else (with a message) the bundled one."""
        try:
            if dataset_loading.is_local(spec):
                self.use(spec, dataset_loading.open_spec(spec))
                return
        except GanStudioError as error:
            self._window.show_error(str(error))
        self.use("bundled", dataset_loading.open_spec("bundled"))

    def choose(self, spec: str) -> None:
        panel = self._window.data_panel
        if dataset_loading.needs_download(spec):
            panel.show_download_needed(True)
            panel.status.setText(self.tr("Not downloaded yet. Download once, then it works "
                                         "offline."))
            return
        panel.show_download_needed(False)
        self._jobs.submit(lambda report: dataset_loading.open_spec(spec),
                          lambda dataset: self._opened(spec, dataset), self._window.show_error)

    def ask_and_choose(self, folder: bool) -> None:
        settings = self._window.settings
        if folder:
            path = QFileDialog.getExistingDirectory(
                self._window, self.tr("Open a folder of digit images"), settings.last_folder)
        else:
            path, _ = QFileDialog.getOpenFileName(
                self._window, self.tr("Open a dataset file"), settings.last_folder,
                self.tr("Datasets (*.gz *ubyte *.idx* *.npz *.mat);;All files (*)"))
        if path:
            settings.last_folder = str(Path(path).parent)
            self.choose(path)

    def download(self, spec: str) -> None:
        panel = self._window.data_panel
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
            self._window.show_error(message)

        self._jobs.submit(lambda report: dataset_loading.download(spec, report, cancel),
                          finished, failed, panel.show_download_progress)

    def shutdown(self, wait: bool = True) -> None:
        self._cancel_download.set()
        self._jobs.shutdown(wait)   # a dataset read, or a download the cancel event is ending

    def _opened(self, spec: str, dataset) -> None:
        self.use(spec, dataset)
        self._window.policy.apply_when_idle()
