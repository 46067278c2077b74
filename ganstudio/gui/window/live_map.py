"""A map of digit space (gui/views/digit_map_view.py) kept up with a controller's session: the map
is computed where the session holds still (TrainingController.between_records: in the training
thread between two records, or at once when none runs), at most one at a time, and shown only
if it is still of the controller's session when it arrives. The map's window and compare mode
each say when to refresh."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from ganstudio.core.classroom.digit_map import digit_map
from ganstudio.gui.training.controller import TrainingController
from ganstudio.gui.views.digit_map_view import DigitMapView


class _Arrived(QObject):
    map = Signal(object)   # (session, DigitMap or None), from the training thread


class LiveMap(QObject):
    def __init__(self, controller: TrainingController, view: DigitMapView, parent: QObject) -> None:
        super().__init__(parent)
        self._controller, self.view = controller, view
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
        self._controller.between_records(lambda: emit((session, _map_or_none(session))))

    def _session_replaced(self, _session) -> None:
        self._pending = False   # a map asked of the old session arrives late, or never: not waited for

    def _show(self, arrived) -> None:
        session, found = arrived
        self._pending = False
        if found is not None and session is self._controller.session:
            self.view.show_map(found)


def _map_or_none(session):
    try:
        return digit_map(session)
    except (ValueError, ArithmeticError):   # no real digits to map on
        return None
