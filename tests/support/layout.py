"""What a user at a small projector would see as broken, measured on a shown window: text cut
off by its label, widgets outside the window, plots laid out wider or taller than their widget."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import (
    Qt,  # its Qt namespace has mightBeRichText
    QTextDocument,
)
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QWidget

SLACK = 1   # px: rounding of fractional text widths


def _scrolled(widget: QWidget) -> bool:
    """Inside a scroll area's viewport: meant to reach past what is shown."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and \
                parent is parent.parentWidget().viewport():
            return True
        parent = parent.parentWidget()
    return False


def _text_width(label: QLabel) -> float:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)):
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        return document.idealWidth()
    return max(label.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))


def label_problem(label: QLabel) -> str | None:
    """Why the label's text does not fit it, or None."""
    if not label.text() or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    room = label.contentsRect()
    margin = 2 * label.margin() + (label.indent() if label.indent() > 0 else 0)
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return f"wrapped to {needed} px in {label.height()} px"
        return None
    needed = math.ceil(_text_width(label)) + margin
    if needed > room.width() + SLACK:
        return f"{needed} px wide in {room.width()} px"
    return None


def layout_problems(window: QWidget) -> list[str]:
    """Every visible label whose text is cut, every visible widget outside the window, every
    plot whose drawing is larger than its widget."""
    problems = []
    inside = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window or _scrolled(widget) \
                or widget.width() == 0 or widget.height() == 0:   # 0: a folded splitter pane
            continue
        name = widget.objectName() or type(widget).__name__
        place = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if place.right() < 0 or place.bottom() < 0:
            continue   # where Qt parks what it does not show: tabified docks, spare tab bars
        if isinstance(widget, QLabel):
            problem = label_problem(widget)
            if problem:
                problems.append(f"label {widget.text()[:40]!r}: {problem}")
        if not inside.contains(place):
            problems.append(f"{name} at {place.getRect()} outside the window {inside.getRect()}")
        if isinstance(widget, pg.PlotWidget):
            drawn = widget.getPlotItem().geometry()
            if drawn.width() > widget.width() + SLACK or drawn.height() > widget.height() + SLACK:
                problems.append(f"plot {widget.accessibleName()!r} drawn {drawn.width():.0f}x"
                                f"{drawn.height():.0f} in {widget.width()}x{widget.height()}")
    return problems
