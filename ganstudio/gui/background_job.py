"""Runs one slow call (open a big folder, download a dataset) off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QThread, Signal

from ganstudio.core.errors import GanStudioError


class BackgroundJob(QThread):
    succeeded = Signal(object)
    failed = Signal(str)
    progress = Signal(float, float)   # done, total (total 0 when unknown)

    def __init__(self, work: Callable[[Callable[[float, float], None]], object],
                 parent=None) -> None:
        """`work(report)` does the job and may call report(done, total) from its thread."""
        super().__init__(parent)
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(lambda done, total: self.progress.emit(float(done), float(total or 0)))
        except GanStudioError as error:
            self.failed.emit(str(error))
        except OSError as error:
            self.failed.emit(f"{getattr(error, 'filename', '') or ''} {error.strerror or error}".strip())
        else:
            self.succeeded.emit(result)
