"""View ▸ Map of Digit Space: the live map (gui/views/digit_map_view.py) in a window of its own,
beside the main one (or on a second screen), so the main window's layout stays as it is.

The map is computed where the session holds still (TrainingController.between_records: in the
training thread between two records, or at once when none runs), only while the window shows,
as often as the refresh scheduler's "map" row allows (gui/training/refresh_scheduler.py): at
most once a second, and at full speed no more than its share of time, counting what a map costs
the training thread and what showing and painting it cost the GUI thread; it reads G's fixed batch and a copy of D's weights, so training's
numbers are the same with the map open or not (tests/core/classroom/test_digit_map.py).

It follows the zoom (the main window applies its theme again) and presenter mode: on stage the
main window fills the screen, and the map window, opened there or by a scenario whose caption
points to it, takes the curves' half of it (`stage_area`), leaving the digits, the caption and
the status bar in view; leaving presenter mode puts it back where it was."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ganstudio.core.classroom.digit_map import digit_map
from ganstudio.gui.theme import Theme
from ganstudio.gui.training.controller import TrainingController
from ganstudio.gui.views.digit_map_view import MapPanel
from ganstudio.gui.window.actions import WindowActions


class _Arrived(QObject):
    map = Signal(object)   # (session, DigitMap or None), from the training thread


class DigitMapWindow(QObject):
    def __init__(self, controller: TrainingController, actions: WindowActions, theme: Theme,
                 show_error: Callable[[str], None], parent: QWidget,
                 stage_area: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller, self._show_error = controller, show_error
        self.window = QWidget(parent, Qt.WindowType.Window)
        self.window.setWindowTitle(self.tr("Map of digit space"))
        self.panel = MapPanel(theme)
        self.view = self.panel.view
        self.caption = QLabel(self.tr("The real digits' two main directions of variation (fixed for "
                                      "the data). Dots: G's fakes, filled by D's score for each; "
                                      "arrows: where G's loss pushes each one."))
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self.window)
        layout.addWidget(self.caption)
        layout.addWidget(self.panel, 1)
        self.window.resize(720, 640)
        self.on_stage = False
        self._desk_geometry: QRect | None = None
        self._stage_area = stage_area
        if stage_area is not None:
            stage_area.installEventFilter(self)   # on stage, the map follows the curves' place
        self._pending = False
        self._arrived = _Arrived(self)
        self._arrived.map.connect(self._show, Qt.ConnectionType.AutoConnection)
        controller.add_view("map", self.refresh, self.view)
        actions.digit_map.triggered.connect(self.show)
        controller.session_replaced.connect(self._session_replaced)

    def show(self) -> None:
        self.window.show()
        self.window.raise_()
        if self.on_stage:
            self._place_on_stage()
        self.refresh()

    def apply_theme(self, theme: Theme) -> None:
        self.panel.apply_theme(theme)

    def set_on_stage(self, on: bool) -> None:
        """Presenter mode on or off: on stage, a shown map covers the curves' half of the screen."""
        if on == self.on_stage:
            return
        self.on_stage = on
        # On stage the scenario's caption is over the digits, and the large type needs the room:
        # the map keeps only what its shade means.
        self.caption.setVisible(not on)
        if on:
            self._desk_geometry = self.window.geometry()
            if self.window.isVisible():
                QTimer.singleShot(0, self._place_on_stage)   # once the main window is full screen
        elif self._desk_geometry is not None:
            self.window.setGeometry(self._desk_geometry)

    def stage_rect(self) -> QRect | None:
        """Where the map goes on stage: the curves' place, in screen coordinates."""
        area = self._stage_area
        if area is None or not area.isVisible():
            return None
        return QRect(area.mapToGlobal(QPoint(0, 0)), area.size())

    def _place_on_stage(self) -> None:
        rect = self.stage_rect()
        if not (self.on_stage and self.window.isVisible()) or rect is None:
            return
        # The frame (title bar and borders, if any) inside the rectangle too.
        inner, outer = self.window.geometry(), self.window.frameGeometry()
        self.window.setGeometry(rect.adjusted(inner.left() - outer.left(), inner.top() - outer.top(),
                                              inner.right() - outer.right(), inner.bottom() - outer.bottom()))
        self.window.raise_()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and self.on_stage:
            self._place_on_stage()
        return False

    def refresh(self) -> None:
        """The "map" row's redraw: asks the training thread for a map of now (one at a time)."""
        session = self._controller.session
        if not self.window.isVisible() or session is None or self._pending or session.dataset is None:
            return
        self._pending = True
        emit = self._arrived.map.emit

        def make() -> None:   # in the training thread, between two records
            began = time.thread_time()
            found = _map_or_none(session)
            emit((session, found, time.thread_time() - began))

        self._controller.between_records(make)

    def _session_replaced(self, _session) -> None:
        self._pending = False   # a map asked of the old session arrives late, or never: not waited for
        self.refresh()

    def _show(self, arrived) -> None:
        session, found, seconds = arrived
        self._pending = False
        if found is not None and session is self._controller.session:
            began = time.thread_time()
            self.view.show_map(found)
            # The scheduler paces the map by what it costs: the training thread's map and the
            # update here (its paints are charged as they happen).
            self._controller.refresh.charge_paint("map", seconds + time.thread_time() - began)


def _map_or_none(session):
    try:
        return digit_map(session)
    except (ValueError, ArithmeticError):   # no real digits to map on
        return None
