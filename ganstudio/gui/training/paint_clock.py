"""Measures what painting each view costs the GUI thread, so the views themselves just paint.

An event filter on a view's widgets takes each paint event, delivers it itself (through the
widget's other filters, as Qt would) and charges the GUI thread's CPU time for it to the view.
A pyqtgraph plot paints in its viewport, so that is the widget watched."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


class PaintClock(QObject):
    def __init__(self, charge: Callable[[str, float], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._charge = charge
        self._views: dict[QWidget, str] = {}
        self._delivering = False

    def watch(self, name: str, widget: QWidget) -> None:
        if isinstance(widget, QAbstractScrollArea):
            widget = widget.viewport()
        self._views[widget] = name
        widget.installEventFilter(self)
        widget.destroyed.connect(lambda: self._views.pop(widget, None))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._delivering or event.type() != QEvent.Type.Paint:
            return False
        name = self._views.get(watched)
        if name is None:
            return False
        self._delivering = True   # our own delivery passes this filter
        began = time.thread_time()
        try:
            QCoreApplication.sendEvent(watched, event)
        finally:
            self._delivering = False
        self._charge(name, time.thread_time() - began)
        return True
