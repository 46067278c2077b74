"""The QThread that drives TrainingSession.run(); the GUI thread only sends it commands."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, Signal

from ganstudio.core.errors import GanStudioError
from ganstudio.gui.training.mailbox import ProgressMailbox


class TrainingThread(QThread):
    mail_arrived = Signal()
    failed = Signal(str)      # one readable line; the session keeps its last good state

    def __init__(self, session, mailbox: ProgressMailbox, parent=None) -> None:
        super().__init__(parent)
        self._session = session
        self._mailbox = mailbox
        self._interval = 0.0            # seconds between iterations; 0 = as fast as possible
        self._wake = threading.Event()  # cuts a paced wait short on stop or on a speed change
        self._stopping = False
        # Seconds that drawing the sample grid takes the loop (smoothed); the controller asks
        # for grids only as often as keeps this a small share of training time.
        self.sample_cost = 0.0

    def set_interval(self, seconds: float) -> None:
        self._interval = max(0.0, seconds)
        self._wake.set()

    def request_stop(self) -> None:
        """Asks the loop to end after the current iteration; safe from any thread. The loop
        itself must see the stop (it answers with a last, "stopped" record): leaving it early
        would leave the command pending for the session's next run."""
        self._stopping = True
        self._session.stop()
        self._wake.set()

    def run(self) -> None:
        try:
            records = self._session.run(log_every=1)
            while True:
                progress = next(records, None)
                if progress is None:
                    break
                if self._stopping and not progress.finished:
                    # A stop sent before the loop began was cleared by it as stale: say it
                    # again, now that the loop is surely running, or a paused loop idles forever.
                    self._session.stop()
                if progress.samples is not None and not (progress.paused or progress.finished):
                    self.sample_cost += 0.3 * (progress.sample_seconds - self.sample_cost)
                if self._mailbox.post(progress):
                    self.mail_arrived.emit()
                if progress.finished:   # also how a stop() ends: the loop says "stopped"
                    break
                if not progress.paused:
                    self._pace()
        except GanStudioError as error:
            self.failed.emit(str(error))
        except Exception as error:  # a bug must not take the user's window down with it
            self.failed.emit(f"{type(error).__name__}: {error}")

    def _pace(self) -> None:
        # A slow demo speed: wait between iterations, but wake at once for stop or a new speed.
        while self._interval > 0 and not self._stopping:
            self._wake.clear()
            if not self._wake.wait(self._interval):
                return
