"""Presenter mode (F11): full screen, large type, and the digit grid and the equilibrium plot as
large as the screen allows; the docks start hidden (the View menu shows any of them) and the
toolbar shows icons only. Leaving (F11 or Esc) puts back the window exactly as it was: its
geometry, maximised or not, the docks, the toolbar and the splitters. Each mode keeps its own
zoom (gui/zoom.py), remembered in the settings; the refresh scheduler switches to the
presenter's table, so the digits animate and the curves move smoothly. On stage, one zoom step
past the largest type leaves the screen to the digit grid alone; a step back returns the rest."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget, QToolBar

from ganstudio.gui import zoom
from ganstudio.gui.panels.status_line import StatusLine
from ganstudio.gui.training.refresh_scheduler import CADENCE, PRESENTER_CADENCE, RefreshScheduler
from ganstudio.gui.views.training_view import TrainingView
from ganstudio.gui.window.actions import WindowActions
from ganstudio.gui.zoom import NORMAL_ZOOM, PRESENTER_ZOOM


@dataclass
class _Layout:
    """What presenting changes, taken on entering and put back on leaving."""
    geometry: QByteArray       # for the settings, should the window close while presenting
    rect: QRect                # the normal window's place and size
    state: QByteArray          # docks and toolbar
    window_state: Qt.WindowState
    view_sizes: list[int]
    plot_sizes: list[int]
    toolbar_style: Qt.ToolButtonStyle


class PresenterMode:
    def __init__(self, window: QMainWindow, actions: WindowActions, refresh: RefreshScheduler,
                 set_zoom: Callable[[float], None], view: TrainingView, toolbar: QToolBar,
                 centre: QTabWidget, status: StatusLine, zoom: float = NORMAL_ZOOM,
                 presenter_zoom: float = PRESENTER_ZOOM) -> None:
        # `window`: the Qt window that goes full screen and back (its QMainWindow calls only).
        self._window, self._actions, self._refresh, self._set_zoom = window, actions, refresh, set_zoom
        self._view, self._toolbar, self._centre, self._status = view, toolbar, centre, status
        self._saved: _Layout | None = None
        self.zooms = {False: zoom, True: presenter_zoom}   # per mode: active -> zoom

    @property
    def active(self) -> bool:
        return self._saved is not None

    def default_zoom(self) -> float:
        """What Ctrl+0 goes back to in the current mode."""
        return PRESENTER_ZOOM if self.active else NORMAL_ZOOM

    def zoom_step(self, direction: int) -> None:
        """Ctrl++ (1) or Ctrl+- (-1). On stage, a step past the largest type the screen allows
        fills the screen with the digit grid; the step back brings the other views back."""
        if direction < 0 and self._view.filled_with_digits:
            self._view.fill_with_digits(False)
            return
        before = zoom.current()
        self._set_zoom(zoom.step(before, direction))
        if self.active and direction > 0 and zoom.current() == before:
            self._view.fill_with_digits(True)

    def zoom_reset(self) -> None:
        """Ctrl+0: the mode's usual size, every view back."""
        self._view.fill_with_digits(False)
        self._set_zoom(self.default_zoom())

    def set(self, on: bool) -> None:
        a = self._actions
        a.presenter.setChecked(on)
        # Visible only while presenting: the `?` sheet lists visible actions, and Esc belongs
        # to the window only then.
        a.leave_presenter.setEnabled(on)
        a.leave_presenter.setVisible(on)
        self._refresh.use(PRESENTER_CADENCE if on else CADENCE)
        if on == self.active:
            self._set_zoom(self.zooms[on])
        elif on:
            self._enter()
            self._set_zoom(self.zooms[True])
        else:
            self._view.fill_with_digits(False)
            saved, self._saved = self._saved, None
            self._set_zoom(self.zooms[False])   # first: the large type's minimum sizes would stay
            self._restore(saved)

    def normal_layout(self) -> tuple[QByteArray, QByteArray, list[int]]:
        """Geometry, dock state and splitter sizes of the normal window (saved at close, also
        when it closes while presenting)."""
        w = self._window
        if self._saved is None:
            return w.saveGeometry(), w.saveState(), self._view.sizes()
        return self._saved.geometry, self._saved.state, self._saved.view_sizes

    def _enter(self) -> None:
        w, view = self._window, self._view
        self._saved = _Layout(w.saveGeometry(), w.normalGeometry(), w.saveState(), w.windowState(), view.sizes(),
                              view.plots.sizes(), self._toolbar.toolButtonStyle())
        for dock in w.findChildren(QDockWidget):   # every dock, also those added later (issue 14)
            dock.hide()
        self._toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        # The centre's tabs fold away too, leaving the digits their height: Shift+→ still
        # opens the step-through, Space the training views.
        self._centre.tabBar().hide()
        self._centre.updateGeometry()   # its least height without the bar
        # The status bar keeps what the talk is about; the data and preset fields, read at the
        # desk, made room for large type only by squeezing the others into each other.
        self._status.set_compact(True)
        w.showFullScreen()
        # The losses fold away under the equilibrium plot (drag the splitter to bring them
        # back); digits and curves share the width.
        view.plots.setSizes([1, 0])
        half = w.screen().geometry().width() // 2
        view.setSizes([half, half])

    def _restore(self, saved: _Layout) -> None:
        w = self._window
        self._toolbar.setToolButtonStyle(saved.toolbar_style)
        self._centre.tabBar().show()
        self._status.set_compact(False)
        # Normal first, with its old place and size; then maximised again if it was.
        w.showNormal()
        w.setGeometry(saved.rect)
        w.setWindowState(saved.window_state)
        w.restoreState(saved.state)
        w.layout().activate()   # the splitters at their old widths first, or sizes scale
        self._view.setSizes(saved.view_sizes)
        self._view.plots.setSizes(saved.plot_sizes)
