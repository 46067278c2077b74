"""Where the features merged for issues 13-15 meet: zoom with the timeline and the speed
control, Esc in presenter mode with the overlays and a settings field, the welcome overlay
under zoom."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from ganstudio.gui import zoom


def _least_width(widget) -> int:
    """The width a layout will not squeeze `widget` below."""
    return widget.minimumWidth() or widget.minimumSizeHint().width()


def test_the_timeline_and_speed_labels_keep_room_that_follows_the_zoom(make_window, qtbot):
    """Measured once at construction, their room stayed as wide as the font they were built in:
    a window built at 300 % and zoomed back to 100 % stayed 1,300 px wide, and at 300 % the
    labels had 100 % room."""
    window = make_window()
    qtbot.waitExposed(window)
    labels = {window.view.timeline.label: "iteration 000,000",
              window.speed._label: "as fast as possible"}
    for factor in (3.0, 1.0, 2.0):
        window.set_zoom(factor)
        for label, widest in labels.items():
            needed = QFontMetrics(zoom.zoomed_font()).horizontalAdvance(widest)
            assert needed <= _least_width(label) <= needed + 20, (factor, widest)

