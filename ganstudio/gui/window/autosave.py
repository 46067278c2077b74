"""The autosave: nothing trained is lost when the window closes (Ctrl+Q, the close button, the
desktop ending the app) or the machine stops.

The session is written with core/formats/checkpoint.save_checkpoint (atomic: a failed write
leaves the previous autosave whole) to one file in the app's data folder, every SECONDS while
it has trained since the last write, and when the window closes. A write takes a few tens of
milliseconds between two iterations (benchmarks/bench_autosave.py), so training holds still for
it rather than copying the session. The next launch offers, in the message bar, to continue
from it; the offer stands until it is taken, dismissed, or the new session's first autosave
takes the file's place. A write that fails is one message (once, until a write succeeds); at
close it asks whether to close anyway, since the run would be lost.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from ganstudio.core.data.catalog import data_dir
from ganstudio.core.errors import GanStudioError
from ganstudio.core.formats.checkpoint import read_checkpoint, save_checkpoint
from ganstudio.gui.panels.message_bar import MessageBar
from ganstudio.gui.training.controller import State, TrainingController
from ganstudio.gui.window.file_commands import FileCommands

SECONDS = 60
FILE_NAME = "last-session.npz"


def default_folder() -> Path:
    """The app's data folder (platformdirs, or $GANSTUDIO_DATA_DIR as for downloads)."""
    return data_dir() / "autosave"


class Autosave(QObject):
    def __init__(self, controller: TrainingController, files: FileCommands, message_bar: MessageBar,
                 show_error: Callable[[str], None], folder: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self._controller, self._files, self._message_bar = controller, files, message_bar
        self._show_error, self._parent = show_error, parent
        self.path = Path(folder) / FILE_NAME
        self._saved = (lambda: None, -1)   # (a weak reference to the session, its iteration)
        self._failure_said = False
        self._timer = QTimer(self)
        self._timer.setInterval(round(SECONDS * 1000))
        self._timer.timeout.connect(self.save_now)
        self._timer.start()

    def unsaved(self) -> bool:
        """Whether the session has trained since it was last written (a fresh one has nothing)."""
        session = self._controller.session
        saved, iteration = self._saved
        return (session is not None and session.iteration > 0
                and (saved() is not session or iteration != session.iteration))

    def save_now(self) -> None:
        """Writes the session if it is unsaved, between two iterations; a failure is said once."""
        if not self.unsaved():
            return
        with self._controller.quiescent() as session:
            error = self._write(session)
        if error is not None and not self._failure_said:
            self._failure_said = True
            self._show_error(error)

    def ready_to_close(self) -> bool:
        """Stops training and writes the session before the window closes; if that fails, asks
        whether to close anyway. False: the user stays, and training goes on as it was."""
        c = self._controller
        was_running = c.state is State.RUNNING
        c.shutdown()   # for good unless the user stays: the file holds the last iteration
        if not self.unsaved():
            return True
        error = self._write(c.session)
        if error is None or self._close_anyway(error):
            return True
        if was_running:
            c.start()
        return False

    def _close_anyway(self, error: str) -> bool:
        answer = QMessageBox.warning(
            self._parent, self.tr("Close GAN Studio"),
            self.tr("{error}\n\nClose anyway and lose this session's training? Save a checkpoint "
                    "(File ▸ Save Checkpoint) to keep it.").format(error=error),
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Close

    def save_after_stop(self) -> None:
        """The last write, once training has stopped for good (ready_to_close has asked about a
        failure already; a late one is not said again)."""
        session = self._controller.session
        if self.unsaved():
            self._write(session)

    def shutdown(self) -> None:
        self._timer.stop()

    # ----- the next launch --------------------------------------------------------------
    def offer(self) -> None:
        """Offers to continue from the autosave, if there is a readable one."""
        if not self.path.is_file():
            return
        try:
            config, state = read_checkpoint(self.path)
        except GanStudioError:
            return   # a damaged autosave is offered to nobody; the next write replaces it
        self._message_bar.show_offer(
            self.tr("GAN Studio kept your last session: {preset} at iteration {n}.").format(
                preset=config.name, n=f"{int(state['iteration']):,}"),
            self.tr("&Continue Where You Left Off"), self.continue_last)

    def continue_last(self) -> None:
        session = self._files.open_path(self.path)
        if session is not None:
            self._saved = (weakref.ref(session), session.iteration)   # what the file holds
            # In the bar above the digits: the status bar's fields cut a note there short.
            self._message_bar.show_message(self.tr("Continued at iteration {n}.").format(
                n=f"{session.iteration:,}"), info=True)

    # ----- internals --------------------------------------------------------------------
    def _write(self, session) -> str | None:
        """Writes `session` (holding still); the error's one line, or None."""
        try:
            save_checkpoint(session, self.path)
        except GanStudioError as error:
            return self.tr("Could not autosave: {reason}").format(reason=error)
        self._saved = (weakref.ref(session), session.iteration)
        self._failure_said = False
        if self._message_bar.offering:   # the file now holds this session, not the one offered
            self._message_bar.hide()
        return None
