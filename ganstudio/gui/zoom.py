"""One scale factor for the whole window: the fonts of every widget (the application's font),
the plots' titles, axis labels, tick labels and line widths (gui/views/plotting.py reads it).
Ctrl+plus / Ctrl+minus step through ZOOM_STEPS; each mode remembers its own zoom."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 3.0)
NORMAL_ZOOM = 1.0
# Presenter mode: 9 pt text becomes 18 pt (24 px): on a 1024x768 projector 1/32 of the
# picture's height, a slide's body text, readable from the back of a lecture room (at 175 %,
# 21 px, it was found too small).
PRESENTER_ZOOM = 2.0

_base_font: QFont | None = None   # the application's font before any zoom
_current = NORMAL_ZOOM
_on_stage = False   # presenter mode: lines have a least width (gui/views/plotting.py)


# Presenter mode's type is at most 1/20 of the screen's height: at 300 % on a 768-px projector
# the menus, toolbar, caption and status bar left the digits too little room to fit.
LINES_ON_STAGE = 20


def largest_for_height(height: int) -> float:
    """The largest zoom step whose line of text fits LINES_ON_STAGE times in `height` px."""
    fitting = [z for z in ZOOM_STEPS
               if QFontMetrics(zoomed_font(z)).height() * LINES_ON_STAGE <= height]
    return fitting[-1] if fitting else ZOOM_STEPS[0]


def clamp(zoom: float) -> float:
    return min(ZOOM_STEPS[-1], max(ZOOM_STEPS[0], float(zoom)))


def step(zoom: float, direction: int) -> float:
    """The next step above (direction 1) or below (-1) `zoom`."""
    if direction > 0:
        return next((z for z in ZOOM_STEPS if z > zoom + 1e-6), ZOOM_STEPS[-1])
    return next((z for z in reversed(ZOOM_STEPS) if z < zoom - 1e-6), ZOOM_STEPS[0])


def current() -> float:
    return _current


def base_font() -> QFont:
    global _base_font
    if _base_font is None:
        _base_font = QFont(QApplication.font())
    return QFont(_base_font)


def zoomed_font(zoom: float | None = None) -> QFont:
    """The base font scaled by `zoom` (by default the current one)."""
    font = base_font()
    size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
    font.setPointSizeF(size * (_current if zoom is None else zoom))
    return font


def on_stage() -> bool:
    return _on_stage


def set_current(zoom: float, stage: bool = False) -> float:
    """Sets the zoom (and whether it is presenter mode's) and the application's font; returns
    the zoom (clamped). The views restyle themselves when the window re-applies its theme."""
    global _current, _on_stage
    base_font()   # taken before the first change
    _current, _on_stage = clamp(zoom), stage
    QApplication.setFont(zoomed_font())
    # The widgets hear of it by posted events: deliver them now, so what is measured next (the
    # status bar's fixed fields) measures the new font.
    QApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
    return _current
