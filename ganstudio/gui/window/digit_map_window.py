"""View ▸ Map of Digit Space: the live map (gui/views/digit_map_view.py) in a window of its own,
beside the main one (or on a second screen), so the main window's layout stays as it is.

The map is computed where the session holds still (gui/window/live_map.py), only while the window shows,
as often as the refresh scheduler's "map" row allows (gui/training/refresh_scheduler.py): at
most once a second, and at full speed no more than its share of time, counting what a map costs
the training thread and what showing and painting it cost the GUI thread; it reads G's fixed batch and a copy of D's weights, so training's
numbers are the same with the map open or not (tests/core/classroom/test_digit_map.py).

It follows the zoom (the main window applies its theme again) and presenter mode: on stage the
main window fills the screen, and the map window, opened there or by a scenario whose caption
points to it, takes the curves' half of it (`stage_area`), leaving the digits, the caption and
the status bar in view; leaving presenter mode puts it back where it was.

At the desk it first opens beside the main window where the screen has room; where it has
none (a 1024x768 projector) it covers the curves and the panels right of them, never the
digits (`desk_place`). After that it stays where the user puts it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ganstudio.gui.theme import Theme
from ganstudio.gui.training.controller import TrainingController
from ganstudio.gui.views.digit_map_view import MapPanel
from ganstudio.gui.window.actions import WindowActions
from ganstudio.gui.window.live_map import LiveMap


class DigitMapWindow(QObject):
    def __init__(self, controller: TrainingController, actions: WindowActions, theme: Theme,
                 show_error: Callable[[str], None], parent: QWidget,
                 stage_area: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller, self._show_error = controller, show_error
        self.window = QWidget(parent, Qt.WindowType.Window)
        # The main window's keys work here too (Space, F11, Esc, the scenarios…): a scenario
        # opens this window over the main one, and its keys went nowhere.
        self.window.addActions(QWidget.actions(parent))
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
        self._placed_at_desk = False   # once: afterwards the map stays where the user puts it
        self._desk_geometry: QRect | None = None
        self._stage_area = stage_area
        if stage_area is not None:
            stage_area.installEventFilter(self)   # on stage, the map follows the curves' place
        # The scheduler paces the map by what it costs: the training thread's map and showing
        # it here (its paints are charged as they happen).
        self._live = LiveMap(controller, self.view, self,
                             charge=lambda seconds: controller.refresh.charge_paint("map", seconds))
        controller.add_view("map", self.refresh, self.view)
        actions.digit_map.triggered.connect(self.show)
        controller.session_replaced.connect(lambda _session: self.refresh())   # after LiveMap's

    def show(self) -> None:
        self.window.show()
        self.window.raise_()
        if self.on_stage:
            self._place_on_stage()
        elif not self._placed_at_desk:
            self._placed_at_desk = True
            self._place_at_desk()
        self.refresh()

    def _place_at_desk(self) -> None:
        main = self.parent().window()
        screen = main.screen().availableGeometry()
        place = desk_place(screen, main.frameGeometry(), self.window.frameGeometry().size(), self.stage_rect())
        if isinstance(place, QRect):
            self._cover(place)
        elif place is not None:
            self.window.move(place)

    def _cover(self, rect: QRect) -> None:
        """The window over `rect`, its frame (title bar and borders, if any) inside it too."""
        inner, outer = self.window.geometry(), self.window.frameGeometry()
        self.window.setGeometry(rect.adjusted(inner.left() - outer.left(), inner.top() - outer.top(),
                                              inner.right() - outer.right(), inner.bottom() - outer.bottom()))

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
        self._cover(rect)
        self.window.raise_()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and self.on_stage:
            self._place_on_stage()
        return False

    def refresh(self) -> None:
        """The "map" row's redraw: asks the training thread for a map of now (one at a time)."""
        if self.window.isVisible():
            self._live.refresh()


def desk_place(screen: QRect, main: QRect, size, curves: QRect | None) -> QPoint | QRect | None:
    """Where the map window (frame of `size`) first opens at the desk: beside the main window's
    frame, right or left, where the screen has room for it (a point for its frame's top left);
    else over the curves and what lies right of them up to the screen's edge (a rectangle: the
    curves' column alone is too narrow for a map at 1024x768), never over the digits, left of
    them; None when there are no curves to cover."""
    top = max(screen.top(), min(main.top(), screen.bottom() + 1 - size.height()))
    if screen.right() - main.right() >= size.width():
        return QPoint(main.right() + 1, top)
    if main.left() - screen.left() >= size.width():
        return QPoint(main.left() - size.width(), top)
    if curves is None:
        return None
    return QRect(curves.topLeft(), QPoint(max(curves.right(), screen.right()), curves.bottom()))
