"""The QThread that iterates a TrainingWorker's records into the mailbox; commands go to the
worker (ganstudio/core/training/worker.py), never to this thread."""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal

from ganstudio.core.errors import GanStudioError
from ganstudio.gui.training.mailbox import ProgressMailbox


class TrainingThread(QThread):
    mail_arrived = Signal()
    failed = Signal(str)      # one readable line; the session keeps its last good state

    def __init__(self, worker, mailbox: ProgressMailbox, parent=None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._mailbox = mailbox
        self._records = worker.records()   # opened now, so a stop sent before start() counts
        # Seconds that drawing the sample grid takes the loop (smoothed); the controller asks
        # for grids only as often as keeps this a small share of training time.
        self.sample_cost = 0.0

    def request_stop(self) -> None:
        """Asks the run to end after the current iteration (it answers with a last, "stopped"
        record); safe from any thread."""
        self._worker.stop()

    def run(self) -> None:
        try:
            for progress in self._records:
                if progress.samples is not None and not (progress.paused or progress.finished):
                    self.sample_cost += 0.3 * (progress.sample_seconds - self.sample_cost)
                if self._mailbox.post(progress):
                    self.mail_arrived.emit()
        except GanStudioError as error:
            self.failed.emit(str(error))
        except Exception as error:  # a bug must not take the user's window down with it
            self.failed.emit(f"{type(error).__name__}: {error}")
