"""pyqtgraph, imported the one safe way and configured once for the whole window.

PySide6 must be imported before pyqtgraph so pyqtgraph binds to it rather than looking for
another Qt binding."""

from __future__ import annotations

from PySide6 import QtCore  # noqa: F401  (must precede pyqtgraph)

import pyqtgraph as pg

from ganstudio.gui.theme import Theme

pg.setConfigOptions(imageAxisOrder="row-major", antialias=False, useOpenGL=False)


def make_plot(title: str, x_label: str, y_label: str) -> pg.PlotWidget:
    """A plot for long live curves: clipped to the view and peak-downsampled, so a curve of
    100,000 iterations costs no more to redraw than one of a few thousand."""
    widget = pg.PlotWidget()
    widget.setMinimumSize(220, 140)
    item = widget.getPlotItem()
    item.setTitle(title)
    item.setLabel("bottom", x_label)
    item.setLabel("left", y_label)
    item.setClipToView(True)
    item.setDownsampling(auto=True, mode="peak")
    item.showGrid(x=True, y=True, alpha=0.15)
    item.setMenuEnabled(False)
    item.getAxis("left").enableAutoSIPrefix(False)   # "loss (x0.001)" reads badly
    item.getAxis("bottom").enableAutoSIPrefix(False)
    return widget


def add_legend(widget: pg.PlotWidget) -> pg.LegendItem:
    return widget.getPlotItem().addLegend(offset=(-6, 6), labelTextSize="8pt",
                                         verSpacing=-6, colCount=1)


def pen(color: str, style: QtCore.Qt.PenStyle = QtCore.Qt.PenStyle.SolidLine) -> QtCore.QObject:
    # Width 1 (cosmetic): wider pens make Qt's stroker slow on long curves.
    return pg.mkPen(color=color, width=1, style=style)


def apply_theme_to_plot(widget: pg.PlotWidget, theme: Theme) -> None:
    widget.setBackground(theme.plot_background)
    item = widget.getPlotItem()
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(theme.plot_foreground)
        axis.setTextPen(theme.plot_foreground)
    item.titleLabel.setText(item.titleLabel.text, color=theme.plot_foreground)
    legend = item.legend
    if legend is not None:
        background = pg.mkColor(theme.plot_background)
        background.setAlpha(200)
        legend.setBrush(background)
        legend.setPen(pg.mkPen(theme.reference_color, width=1))
        legend.setLabelTextColor(theme.plot_foreground)
