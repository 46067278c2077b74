"""The timeline in the window: the slider under the grid scrubs back through the frames the
session kept while training is paused (resuming, a step or a new session returns to now), and
File ▸ Export Timeline writes them as an animated GIF or a PNG contact sheet, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from ganstudio.core.errors import GanStudioError
from ganstudio.core.formats.timeline_images import save_contact_sheet, save_gif
from ganstudio.gui.jobs import JobRunner
from ganstudio.gui.training.controller import State, TrainingController
from ganstudio.gui.views.training_view import TrainingView
from ganstudio.gui.window.file_commands import FileCommands


class TimelineControl(QObject):
    def __init__(self, controller: TrainingController, view: TrainingView, files: FileCommands,
                 show_error: Callable[[str], None], parent: QObject) -> None:
        super().__init__(parent)
        self._controller, self._files, self._show_error = controller, files, show_error
        self._grid, self._bar = view.grid, view.timeline
        self._live = None   # the grid's digits of now while the slider shows an older frame
        self._frames: tuple[list, list] = ([], [])
        self._runner = JobRunner(self)
        c = controller
        c.session_replaced.connect(self._session_replaced)
        c.state_changed.connect(lambda state: self._back_to_now())
        c.progress.connect(lambda records: self._back_to_now())
        self._bar.moved.connect(self._moved)

    # ----- the slider -------------------------------------------------------------------
    def _session_replaced(self, session) -> None:
        self._live = None   # the window shows the new session's grid itself
        self._back_to_now()

    def _back_to_now(self) -> None:
        """The slider at now, with the frames kept so far; usable unless training runs."""
        if self._live is not None:
            self._grid.set_digits(self._live)
            self._live = None
        session = self._controller.session
        self._frames = session.timeline.snapshot() if session is not None else ([], [])
        running = self._controller.state is State.RUNNING
        self._bar.show_frames(len(self._frames[0]), enabled=not running)

    def _moved(self, position: int) -> None:
        iterations, frames = self._frames
        grid = self._grid
        if position >= len(frames):
            if self._live is not None:
                grid.set_digits(self._live)
                self._live = None
            self._bar.show_now()
            return
        if self._live is None:
            self._live = grid.digits
        grid.set_digits(frames[position])
        self._bar.show_frame(iterations[position], position, len(frames))

    # ----- exports ----------------------------------------------------------------------
    def export_gif(self) -> None:
        self._export(self.tr("Export timeline as GIF"), "timeline.gif", self.tr("GIF images (*.gif)"),
                     save_gif)

    def export_contact_sheet(self) -> None:
        self._export(self.tr("Export timeline as contact sheet"), "timeline.png",
                     self.tr("PNG images (*.png)"), save_contact_sheet)

    def _export(self, title: str, name: str, filters: str, write) -> None:
        if self._controller.session is None:
            return
        path = self._files.ask_save_path(title, name, filters)
        if not path:
            return
        with self._controller.quiescent() as session:   # the grid of now, drawn between iterations
            iterations, frames = session.timeline.frames_until(session.iteration, session.grid_sample())
        failed = self.tr("{path}: could not write: {reason}")

        def work(report) -> None:
            try:
                write(iterations, frames, Path(path))
            except OSError as error:   # its file name would be the temporary's
                raise GanStudioError(failed.format(path=path, reason=error.strerror or error)) from None

        self._runner.submit(work, lambda result: self._files.say(
            self.tr("Saved {path}").format(path=path)), self._show_error)

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def shutdown(self, wait: bool = True) -> None:
        self._runner.shutdown(wait)
