"""The map of digit space as a live plot (core/classroom/digit_map.py): the real digits as one
coloured cloud per class, G's fixed batch of fakes as dots, and from each fake an arrow where
G's loss pushes it. Equal units on both axes, so distances on the map are distances."""

from __future__ import annotations

import numpy as np

from ganstudio.gui.theme import Theme
from ganstudio.gui.translations import tr as _tr
from ganstudio.gui.views.plotting import pg

# Tableau 10, as in `ganstudio map`'s picture: ten classes that stay apart on both themes.
CLASS_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                 "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
HEAD_SHARE = 0.3      # an arrowhead's strokes, as a share of the arrow (at most HEAD_MOST)
HEAD_MOST = 0.25      # of the plane's units


class DigitMapView(pg.PlotWidget):
    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self.setAspectLocked(True)
        self.hideButtons()
        self.getPlotItem().setMenuEnabled(False)
        self.legend = self.addLegend(offset=(-8, 8))   # top right, where the clouds are thinnest
        self._clouds = []
        for digit, colour in enumerate(CLASS_COLOURS):
            cloud = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush(colour),
                                       name=_tr("real {digit}").format(digit=digit))
            self.addItem(cloud)
            self._clouds.append(cloud)
        self._unlabelled = pg.ScatterPlotItem(size=4, pen=None, brush=pg.mkBrush("#888888"))
        self.addItem(self._unlabelled)
        self.arrows = pg.PlotDataItem(connect="pairs")
        self.addItem(self.arrows)
        self.fakes = pg.ScatterPlotItem(size=7, name=_tr("fake"))
        self.addItem(self.fakes)
        self.shown_iteration: int | None = None
        self.apply_theme(theme)

    def apply_theme(self, theme: Theme) -> None:
        self.setBackground(theme.plot_background)
        self.legend.setBrush(pg.mkBrush(theme.plot_background))
        self.legend.setLabelTextColor(theme.plot_foreground)
        self.arrows.setPen(pg.mkPen(theme.plot_foreground, width=1.5))
        self.fakes.setPen(pg.mkPen(theme.plot_background))
        self.fakes.setBrush(pg.mkBrush(theme.plot_foreground))
        for axis in ("left", "bottom"):
            self.getAxis(axis).setPen(theme.plot_foreground)
            self.getAxis(axis).setTextPen(theme.plot_foreground)

    def show_map(self, found) -> None:
        """A DigitMap: the clouds (only the classes present appear in the legend), the fakes and
        their arrows."""
        labels = found.real_labels
        for digit, cloud in enumerate(self._clouds):
            points = found.real_points[labels == digit] if labels is not None else np.zeros((0, 2))
            cloud.setData(points[:, 0], points[:, 1])
            self.legend.removeItem(cloud)
            if len(points):
                self.legend.addItem(cloud, cloud.name())
        rest = found.real_points if labels is None else np.zeros((0, 2))
        self._unlabelled.setData(rest[:, 0], rest[:, 1])
        self.legend.removeItem(self.fakes)
        self.legend.addItem(self.fakes, self.fakes.name())
        self.fakes.setData(found.fakes[:, 0], found.fakes[:, 1])
        segments = arrow_segments(found.fakes, found.fakes_after)
        self.arrows.setData(segments[:, 0], segments[:, 1])
        self.shown_iteration = found.iteration


def arrow_segments(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """(6n, 2) points, in pairs: each arrow's shaft and the two strokes of its head."""
    shaft = ends - starts
    length = np.linalg.norm(shaft, axis=1, keepdims=True)
    unit = np.divide(shaft, length, out=np.zeros_like(shaft), where=length > 0)
    head = np.minimum(HEAD_SHARE * length, HEAD_MOST)
    cos, sin = np.cos(np.radians(25)), np.sin(np.radians(25))
    back = -unit
    left = np.column_stack([back[:, 0] * cos - back[:, 1] * sin, back[:, 0] * sin + back[:, 1] * cos])
    right = np.column_stack([back[:, 0] * cos + back[:, 1] * sin, -back[:, 0] * sin + back[:, 1] * cos])
    pairs = np.stack([starts, ends, ends, ends + head * left, ends, ends + head * right], axis=1)
    return pairs.reshape(-1, 2)
