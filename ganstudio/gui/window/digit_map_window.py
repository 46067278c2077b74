"""View ▸ Map of Digit Space: the live map (gui/views/digit_map_view.py) in a window of its own,
beside the main one (or on a second screen), so the main window's layout stays as it is.

The map is computed where the session holds still (gui/window/live_map.py), about once a second
and only while the window shows; it reads G's fixed batch and a copy of D's weights, so training's
numbers are the same with the map open or not (tests/core/classroom/test_digit_map.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ganstudio.gui.theme import Theme
from ganstudio.gui.training.controller import TrainingController
from ganstudio.gui.views.digit_map_view import DigitMapView
from ganstudio.gui.window.actions import WindowActions
from ganstudio.gui.window.live_map import LiveMap

REFRESH_MS = 1000


class DigitMapWindow(QObject):
    def __init__(self, controller: TrainingController, actions: WindowActions, theme: Theme,
                 show_error: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._controller, self._show_error = controller, show_error
        self.window = QWidget(parent, Qt.WindowType.Window)
        self.window.setWindowTitle(self.tr("Map of digit space"))
        self.view = DigitMapView(theme)
        self.caption = QLabel(self.tr("The real digits' two main directions of variation (fixed for "
                                      "the data). Dots: G's fakes; arrows: where G's loss pushes "
                                      "each one."))
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self.window)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        self.window.resize(720, 640)
        self._live = LiveMap(controller, self.view, self)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        actions.digit_map.triggered.connect(self.show)
        controller.session_replaced.connect(self._session_replaced)

    def show(self) -> None:
        self.window.show()
        self.window.raise_()
        self._timer.start()
        self.refresh()

    def apply_theme(self, theme: Theme) -> None:
        self.view.apply_theme(theme)

    def refresh(self) -> None:
        if not self.window.isVisible():
            self._timer.stop()
            return
        self._live.refresh()

    def _session_replaced(self, _session) -> None:
        self.refresh()
