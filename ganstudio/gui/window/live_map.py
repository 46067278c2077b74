"""A map of digit space (gui/views/digit_map_view.py) kept up with a controller's session: the map
is computed where the session holds still (TrainingController.between_records: in the training
thread between two records, or at once when none runs), at most one at a time, and shown only
if it is still of the controller's session when it arrives. The map's window and compare mode
each say when to refresh; `charge`, if given, hears what each map cost (the training thread's
time to make it and the GUI thread's to show it), for the refresh scheduler's pacing."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from ganstudio.core.classroom.digit_map import digit_map
from ganstudio.gui.training.controller import TrainingController
from ganstudio.gui.views.digit_map_view import DigitMapView


class _Arrived(QObject):
    map = Signal(object)   # (session, DigitMap or None, seconds), from the training thread


class LiveMap(QObject):
    def __init__(self, controller: TrainingController, view: DigitMapView, parent: QObject,
                 charge: Callable[[float], None] | None = None) -> None:
        super().__init__(parent)
        self._controller, self.view, self._charge = controller, view, charge
        self._pending = False
        self._arrived = _Arrived(self)
        self._arrived.map.connect(self._show, Qt.ConnectionType.AutoConnection)
        controller.session_replaced.connect(self._session_replaced)

    def refresh(self) -> None:
        """Asks for a map of the session now, unless one is on its way."""
        session = self._controller.session
        if session is None or self._pending or session.dataset is None:
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

    def _show(self, arrived) -> None:
        session, found, seconds = arrived
        self._pending = False
        if found is not None and session is self._controller.session:
            began = time.thread_time()
            self.view.show_map(found)
            if self._charge is not None:
                self._charge(seconds + time.thread_time() - began)


def _map_or_none(session):
    try:
        return digit_map(session)
    except (ValueError, ArithmeticError):   # no real digits to map on
        return None
