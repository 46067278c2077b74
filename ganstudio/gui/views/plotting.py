"""pyqtgraph, imported the one safe way and configured once for the whole window.

PySide6 must be imported before pyqtgraph so pyqtgraph binds to it rather than looking for
another Qt binding."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui  # must precede pyqtgraph
from PySide6.QtGui import QPen

from ganstudio.gui import zoom
from ganstudio.gui.theme import Theme

pg.setConfigOptions(imageAxisOrder="row-major", antialias=False, useOpenGL=False)


def title_size() -> str:
    """Titles and axis labels: the window's font size, so they zoom with it."""
    return f"{zoom.zoomed_font().pointSizeF():.1f}pt"


STAGE_LINE_WIDTH = 3   # px: the least for any curve in presenter mode, at every zoom


def line_width() -> int:
    """Curves: 1 px at 100 %, 2 px from 125 %, 3 px from 210 %, and never under 3 px in
    presenter mode: a 1- or 2-px line vanishes on a projector. Whole pixels: the curves are
    drawn without antialiasing."""
    return max(hairline_width(), round(1.2 * zoom.current()))


def hairline_width() -> int:
    """A line kept thin at the desk whatever the zoom (a curve that jumps about every step),
    as wide as presenter mode's least."""
    return STAGE_LINE_WIDTH if zoom.on_stage() else 1


def _compact(value: float, step: float) -> str:
    """2000 -> "2k", 2500 -> "2.5k", 3000000 -> "3M": four digits ran together on a narrow axis."""
    for unit, suffix in ((1e6, "M"), (1e3, "k")):
        if abs(value) >= unit:
            decimals = max(0, -math.floor(math.log10(step / unit) + 1e-9)) if step < unit else 0
            text = f"{value / unit:.{decimals}f}"
            return (text.rstrip("0").rstrip(".") if "." in text else text) + suffix
    return None


class ReadableAxis(pg.AxisItem):
    """Tick labels that never run together, at any size and zoom: the spacing is the smallest
    of 1, 2, 5 x 10^k whose labels, measured in the tick font, fit with a gap between them, and
    thousands read "2k". One level of ticks only (pyqtgraph's minor ticks brought more labels)."""

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802, N803 - pyqtgraph's names
        span = maxVal - minVal
        if not (span > 0 and size > 0 and math.isfinite(span)):
            return super().tickSpacing(minVal, maxVal, size)
        metrics = QtGui.QFontMetricsF(self.style.get("tickFont") or self.font())
        horizontal = self.orientation in ("top", "bottom")
        gap = metrics.horizontalAdvance("00") if horizontal else metrics.height()
        exponent = math.floor(math.log10(span)) - 3
        while True:
            for mantissa in (1, 2, 5):
                spacing = mantissa * 10.0 ** exponent
                pixels = spacing / span * size
                if pixels < (metrics.height() if not horizontal else 8):
                    continue   # far too dense: no need to measure
                first = math.ceil(minVal / spacing) * spacing
                values = list(np.arange(first, maxVal + spacing * 1e-6, spacing))
                if not values:
                    return [(spacing, 0.0)]
                labels = self.tickStrings(values, self.scale, spacing)
                extent = max((metrics.horizontalAdvance(t) if horizontal else metrics.height())
                             for t in labels)
                if pixels >= extent + gap or spacing >= span:
                    return [(spacing, 0.0)]
            exponent += 1

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        compact = [_compact(v * scale, spacing * scale) for v in values]
        if all(text is not None for text in compact) or (
                any(text is not None for text in compact) and spacing * scale >= 100):
            return [text if text is not None else f"{v * scale:g}" for text, v in zip(compact, values)]
        return super().tickStrings(values, scale, spacing)


class TitledPlotWidget(pg.PlotWidget):
    """Keeps its title readable: a title too wide for the plot puts its key on the lines below
    (as many as it needs) instead of being clipped."""

    _title: tuple[str, int, list[tuple[str, int]]] | None = None  # html, width; key items
    # pyqtgraph asks for 600 x 500, and a layout gave a plot that much before the wrapped text
    # beside it (the quality numbers scrolled at 1440 x 900): plots take the room that is left.
    SIZE_HINT = QtCore.QSize(260, 240)
    LEAST = QtCore.QSize(180, 140)   # three plot columns fit a 1024-px projector
    VIEW_LINES = 2   # the data's least height, in lines of text
    _title_color = None
    _shown_title: str | None = None

    def set_fitting_title(self, title: str, key: list[str], color) -> None:
        """`title` in bold, then `key`: one piece of html per curve, in its colour."""
        title = f"<b>{title}</b>"
        self._title = (title, _html_width(title), [(html, _html_width(html)) for html in key])
        # Measured between two letters: alone, the spaces' width measured as nothing (a line's
        # trailing spaces do not count), and the lines came out wider than the room.
        self._gap = _html_width("x&nbsp;&nbsp;x") - _html_width("xx")
        self._title_color, self._shown_title = color, None
        self._fit_title()
        self.least_size_changed()

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802
        return self.SIZE_HINT

    def getPlotItem(self):  # noqa: N802 - pyqtgraph's name
        """The plot item, or None before pyqtgraph has made it or after it was closed.
        pyqtgraph 0.13.3 lays the view out (resizeEvent, which this class overrides) inside
        GraphicsView.__init__, before PlotWidget has set its plotItem; asking for it then made
        PlotWidget.__getattr__ look for plotItem again, without end (RecursionError)."""
        return vars(self).get("plotItem")

    def minimumSizeHint(self) -> QtCore.QSize:  # noqa: N802
        # What the plot's title, key and axes need at the current type size: given less, the
        # plot was drawn wider than its widget and its right edge cut off (large zooms).
        item = self.getPlotItem()
        if item is None:   # being closed
            return self.LEAST
        needed = item.effectiveSizeHint(QtCore.Qt.SizeHint.MinimumSize)
        width = needed.width() if self._title is None else self._narrowest_title_width()
        # The data's own room: two tick labels on the value axis (the view box asks for none,
        # and a squeezed histogram kept its title and lost its axis down to "0").
        view = self.VIEW_LINES * QtGui.QFontMetrics(zoom.zoomed_font()).height()
        return self.LEAST.expandedTo(QtCore.QSize(math.ceil(width) + 1, math.ceil(needed.height() + view) + 1))

    def _narrowest_title_width(self) -> float:
        """The width with the key one item a line (the title's shown lines depend on the
        width it has now, which must not be the least it can have)."""
        _title, title_width, key = self._title
        return self._title_room_used() + max([title_width] + [width for _html, width in key])

    def _title_room_used(self) -> float:
        """What the plot's width holds besides the title: the tick labels' axis, the layout's
        margins and spacing (measured: a guess of 16 px left the plot 3 px too wide)."""
        item = self.getPlotItem()
        axis = item.getAxis("left")  # its set width: not laid out yet at first
        left, _top, right, _bottom = item.layout.getContentsMargins()
        guess = max(axis.width(), axis.minimumWidth()) + left + right + 2 * item.layout.horizontalSpacing()
        least = QtCore.Qt.SizeHint.MinimumSize
        measured = item.effectiveSizeHint(least).width() - item.titleLabel.effectiveSizeHint(least).width()
        # The title's own text item keeps a margin around the words (_html_width measures none).
        text_margin = 2 * item.titleLabel.item.document().documentMargin()
        return max(guess, measured) + text_margin

    def resizeEvent(self, event) -> None:  # noqa: N802
        # The title first: the view lays the plot out at the new size with the title's width
        # as a minimum, and an old, wider title left the plot wider than the widget.
        self._fit_title(event.size().width() if event is not None else None)  # None: pyqtgraph
        super().resizeEvent(event)
        self.least_size_changed()

    _reported_least: QtCore.QSize | None = None

    def least_size_changed(self) -> None:
        """Tells the layout when minimumSizeHint() has changed (new type size, title or axis
        width), once: a layout that kept the 300 % minimum held the window 1,060 px wide at
        100 %."""
        least = self.minimumSizeHint()
        if least != self._reported_least:
            self._reported_least = least
            self.updateGeometry()

    def _fit_title(self, width: int | None = None) -> None:
        if self._title is None or self.getPlotItem() is None:  # None: being closed
            return
        # The title sits over the view box only, not over the tick labels' axis.
        width = self.width() if width is None else width
        room = width - self._title_room_used()
        title, title_width, key = self._title
        lines, used = [[title]], title_width
        for html, item_width in key:   # greedy: each key item on the line it still fits on
            if lines[-1] and used + self._gap + item_width > room:
                lines.append([])
                used = -self._gap
            lines[-1].append(html)
            used += self._gap + item_width
        text = "<br>".join("&nbsp;&nbsp;".join(line) for line in lines)
        if text != self._shown_title:  # a new title lays the plot out again: only on change
            self._shown_title = text
            item = self.getPlotItem()
            item.setTitle(text, color=self._title_color, size=title_size())
            # pyqtgraph gives the title row a fixed 30 px, which cuts off a third line.
            height = max(30, math.ceil(item.titleLabel.item.boundingRect().height()))
            item.titleLabel.setMaximumHeight(height)
            item.layout.setRowFixedHeight(0, height)


def _html_width(html: str) -> float:
    """The width of a piece of a title as the plot's label draws it (its font, title_size())."""
    document = QtGui.QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(f"<span style='font-size:{title_size()}'>{html}</span>")
    return document.idealWidth()


def make_plot(title: str, x_label: str, y_label: str) -> pg.PlotWidget:
    """A plot for long live curves: clipped to the view and downsampled, so a curve of
    100,000 iterations costs no more to redraw than one of a few thousand.

    No grid and no auto-range: with a grid, pyqtgraph repaints the axes (slow text) with every
    curve update, and auto-range moves them every refresh. The views set their ranges with
    nice_ceiling() instead, so the axes change only at 10, 20, 50, 100, ..."""
    widget = TitledPlotWidget(axisItems={name: ReadableAxis(name) for name in ("left", "bottom")})
    widget.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)   # display only: arrows belong to Step
    widget.setAccessibleName(title)   # what a screen reader says for the plot
    widget.setAccessibleDescription(f"{y_label} / {x_label}")
    item = widget.getPlotItem()
    item.setTitle(title)
    item.setLabel("bottom", x_label)
    item.setLabel("left", y_label)
    item.setClipToView(True)
    # "mean": a long noisy run reads as its trend rather than as a solid band of peaks.
    item.setDownsampling(auto=True, mode="mean")
    item.disableAutoRange()
    item.setMenuEnabled(False)
    item.getAxis("left").enableAutoSIPrefix(False)   # "loss (x0.001)" reads badly
    item.getAxis("bottom").enableAutoSIPrefix(False)
    return widget


def live_curve(widget: pg.PlotWidget) -> pg.PlotDataItem:
    """A curve that grows every refresh. Downsampled to ~1 point per pixel column (pyqtgraph
    keeps 5): the "mean" of each column reads the same, and a paint costs a third as much."""
    curve = widget.getPlotItem().plot()
    curve.opts["autoDownsampleFactor"] = 1.0
    return curve


def nice_ceiling(value: float, steps=(1.0, 2.0, 5.0, 10.0)) -> float:
    """The smallest of steps x 10^k that is >= value (value > 0); steps end with 10."""
    if not value > 0:
        return 1.0
    exponent = np.floor(np.log10(value))
    for step in steps:
        candidate = step * 10.0 ** exponent
        if candidate >= value * (1 - 1e-9):
            return float(candidate)
    return float(10.0 ** (exponent + 1))


def sticky_ceiling(value: float, current: float) -> float:
    """nice_ceiling(value), but a range only shrinks once the value sits well inside the smaller
    one: a value wandering across a step would otherwise flip the axis (and redraw its costly
    tick text) at every refresh."""
    candidate = nice_ceiling(value)
    if candidate >= current or value <= 0.8 * candidate:
        return candidate
    return current


def show_iterations_up_to(widget: pg.PlotWidget, last_iteration: float) -> None:
    """The x axis from 0 to a nice number just past the newest iteration."""
    top = nice_ceiling(max(10.0, last_iteration), (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0))
    set_view_top(widget, "x", top)


def show_values_up_to(widget: pg.PlotWidget, value: float | None) -> None:
    """The y axis from 0 to a nice number above `value` (1 when there is none yet)."""
    current = widget.getPlotItem().getViewBox().viewRange()[1][1]
    set_view_top(widget, "y", 1.0 if value is None else sticky_ceiling(value, current))


def set_view_top(widget: pg.PlotWidget, axis: str, top: float) -> None:
    """Shows 0..top on one axis ("x" or "y"), if not already. The view moves its items at once:
    left to the next paint (pyqtgraph's default), moving them asks for a second paint."""
    view = widget.getPlotItem().getViewBox()
    if view.viewRange()[0 if axis == "x" else 1] == [0.0, top]:
        return
    view.setRange(**{f"{axis}Range": (0.0, top)}, padding=0.0)
    view.updateMatrix()


def pen(color, style: QtCore.Qt.PenStyle = QtCore.Qt.PenStyle.SolidLine, width: int | None = None) -> QPen:
    # Cosmetic, as wide as the zoom asks (line_width()) unless `width` fixes it; the curves are
    # downsampled to about one point per pixel column, which keeps wider pens affordable.
    return pg.mkPen(color=color, width=line_width() if width is None else width, style=style)


def opaque_blend(color, background, opacity: float) -> QtGui.QColor:
    """`color` as it looks at `opacity` over `background`, but opaque: pyqtgraph draws a wide
    opaque solid pen as separate segments, and strokes any other as one costly path."""
    front, back = QtGui.QColor(color), QtGui.QColor(background)
    return QtGui.QColor(*(round(opacity * f + (1 - opacity) * b)
                          for f, b in zip(front.getRgb()[:3], back.getRgb()[:3])))


def apply_theme_to_plot(widget: pg.PlotWidget, theme: Theme) -> None:
    """The theme's colours and the current zoom's fonts (the views call it again after a zoom)."""
    widget.setBackground(theme.plot_background)
    item = widget.getPlotItem()
    font = zoom.zoomed_font()
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(theme.plot_foreground)
        axis.setTextPen(theme.plot_foreground)
        axis.setStyle(tickFont=font, tickTextOffset=max(3, round(3 * zoom.current())),
                      # The labels at the axis' ends ("0", "10k") may reach half their width
                      # past it: hidden, a narrow plot's axis kept a single label.
                      hideOverlappingLabels=QtGui.QFontMetrics(font).horizontalAdvance("10k") // 2 + 2)
        axis.setLabel(axis.labelText, **{"font-size": title_size(), "color": theme.plot_foreground})
    metrics = QtGui.QFontMetrics(font)
    # Room on the right for half of the last x label ("10k" under the axis' end).
    left, top, _, bottom = item.layout.getContentsMargins()
    item.layout.setContentsMargins(left, top, metrics.horizontalAdvance("10k") // 2 + 2, bottom)
    # A fixed width for the tick labels' axis: when "0.5" became "0.25" the plot laid itself out
    # again, and painted twice.
    item.getAxis("left").setWidth(metrics.horizontalAdvance("0.888") + metrics.height() + 16)
    item.titleLabel.setText(item.titleLabel.text, color=theme.plot_foreground, size=title_size())
    fit_to_view(widget)


def fit_to_view(widget: pg.PlotWidget) -> None:
    """Lays the plot out again at the widget's size. A plot restyled while hidden (a dock in
    presenter mode) was last laid out with the large type's minimum widths, wider than its
    widget; smaller type does not resize it, and it stayed cropped on the right."""
    widget.getPlotItem().updateGeometry()
    widget.resizeEvent(None)


def set_title_with_key(widget: pg.PlotWidget, title: str, key: list[tuple[str, str, bool]],
                       theme: Theme) -> None:
    """The title doubles as the legend: "Title  ━ a  ┅ b" in the curves' colours. A legend
    inside the plot would hide curves, and be repainted (slow text) with every update."""
    widget.set_fitting_title(title, [f"<span style='color:{color}'>{'┅' if dotted else '━'} "
                                     f"{label}</span>" for label, color, dotted in key],
                             theme.plot_foreground)
