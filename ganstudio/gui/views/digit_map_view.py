"""The map of digit space as a live plot (core/classroom/digit_map.py): the plane shaded by D's
score for the image at each of its points, the real digits as one coloured cloud per class, G's
fixed batch of fakes as dots filled by D's score for each (on the same scale, at full strength),
and from each fake an arrow where G's loss pushes it. Equal units
on both axes, so distances on the map are distances.

`MapPanel` is the map with what it needs to be read: one line saying what the shade means over
it, and the shade's colour scale under it. It is all a window needs (View ▸ Map of Digit Space,
or two side by side): `show_map(found)` and `apply_theme(theme)`; type, dots and lines follow
the zoom (gui/zoom.py) when the theme is applied again."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QFrame, QGraphicsItem, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ganstudio.core.formats.map_image import shade_colours
from ganstudio.gui import zoom
from ganstudio.gui.theme import Theme
from ganstudio.gui.translations import tr as _tr
from ganstudio.gui.views.plotting import line_width, pg

# Tableau 10, as in `ganstudio map`'s picture: ten classes that stay apart on both themes.
CLASS_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                 "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
HEAD_SHARE = 0.3      # an arrowhead's strokes, as a share of the arrow (at most HEAD_MOST)
HEAD_MOST = 0.25      # of the plane's units
REAL_DOT, FAKE_DOT = 4.0, 7.0   # px at 100 %; they grow with the square root of the zoom
LEGEND_MOST = 1.25   # the legend's type: at most this zoom's
LEGEND_ALPHA = 170


def _rgb(colour: str) -> tuple[int, int, int]:
    c = QColor(colour)
    return c.red(), c.green(), c.blue()


class DigitMapView(pg.PlotWidget):
    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self.setAspectLocked(True)
        self.hideButtons()
        self.getPlotItem().setMenuEnabled(False)
        self.setAccessibleName(_tr("Map of digit space"))
        # D's shading, under everything: its cells as an image over the box they cover.
        self.shading = pg.ImageItem()
        self.shading.setZValue(-10)
        self.addItem(self.shading)
        self.legend = self.addLegend(offset=(-8, 8))   # top right, where the clouds are thinnest
        self._clouds = []
        for digit, colour in enumerate(CLASS_COLOURS):
            cloud = pg.ScatterPlotItem(size=REAL_DOT, pen=None, brush=pg.mkBrush(colour),
                                       name=_tr("real {digit}").format(digit=digit))
            self.addItem(cloud)
            self._clouds.append(cloud)
        self._unlabelled = pg.ScatterPlotItem(size=REAL_DOT, pen=None, brush=pg.mkBrush("#888888"))
        self.addItem(self._unlabelled)
        # The clouds change only with the data: painted once into a pixmap, not 2,000 dots
        # again whenever the fakes over them move (the GUI thread's paints cost training the GIL).
        for cloud in (*self._clouds, self._unlabelled):
            cloud.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.arrows = pg.PlotDataItem(connect="pairs")
        self.addItem(self.arrows)
        self.fakes = pg.ScatterPlotItem(size=FAKE_DOT, name=_tr("fake"))
        self.addItem(self.fakes)
        self.shown_iteration: int | None = None
        self.shown_shade: np.ndarray | None = None
        self.shown_fake_scores: np.ndarray | None = None
        self._brushes: dict[tuple, object] = {}
        self._shown_reals = None   # the clouds' points as last set: unchanged maps skip them
        self._background = (255, 255, 255)
        self.apply_theme(theme)

    def apply_theme(self, theme: Theme) -> None:
        """The theme's colours and the current zoom's type, dots and lines."""
        self.setBackground(theme.plot_background)
        self._background = _rgb(theme.plot_background)
        growth = math.sqrt(zoom.current())
        see_through = QColor(theme.plot_background)
        see_through.setAlpha(LEGEND_ALPHA)   # the clouds it lies over stay in sight
        self.legend.setBrush(pg.mkBrush(see_through))
        self.legend.setLabelTextColor(theme.plot_foreground)
        # The legend's eleven rows grow less than the type, and go in two columns in large type:
        # on stage the map has half the screen, and a full-size legend covered half the map.
        base = zoom.base_font().pointSizeF() if zoom.base_font().pointSizeF() > 0 else 9.0
        self.legend.setLabelTextSize(f"{min(zoom.zoomed_font().pointSizeF(), LEGEND_MOST * base):.1f}pt")
        self.legend.setColumnCount(2 if zoom.current() > LEGEND_MOST else 1)
        self.arrows.setPen(pg.mkPen(theme.plot_foreground, width=max(1.5, line_width())))
        self.fakes.setPen(pg.mkPen(theme.plot_foreground, width=max(1.5, line_width() / 2)))
        self.fakes.setBrush(pg.mkBrush(theme.plot_background))   # the legend's; each dot: its score
        self.fakes.setSize(FAKE_DOT * growth)
        for cloud in (*self._clouds, self._unlabelled):
            cloud.setSize(REAL_DOT * growth)
        font = QFont(zoom.zoomed_font())
        # The plane's coordinates mean nothing to an audience, and on stage the map has half the
        # screen: the axes go there (distances still compare: equal units both ways).
        for axis in ("left", "bottom"):
            self.getPlotItem().showAxis(axis, not zoom.on_stage())
        for axis in ("left", "bottom"):
            self.getAxis(axis).setPen(theme.plot_foreground)
            self.getAxis(axis).setTextPen(theme.plot_foreground)
            self.getAxis(axis).setStyle(tickFont=font, tickTextOffset=max(3, round(3 * zoom.current())))
        self._relabel_legend()
        if self.shown_shade is not None:
            self.shading.setImage(shade_colours(self.shown_shade, self._background), autoLevels=False)
        if self.shown_fake_scores is not None:
            self.fakes.setBrush(self._fake_brushes(self.shown_fake_scores))

    def _relabel_legend(self) -> None:
        """The legend's rows again (their text takes the legend's size only when added)."""
        shown = [sample.item for sample, _label in self.legend.items]
        self.legend.clear()
        for item in shown:
            self.legend.addItem(item, item.name())

    def show_map(self, found) -> None:
        """A DigitMap: the shading, the clouds (only the classes present appear in the legend),
        the fakes and their arrows."""
        if found.real_points is not self._shown_reals:   # the same data's clouds are the same arrays
            self._show_clouds(found.real_points, found.real_labels)
        if found.shade is not None:
            x0, y0, x1, y1 = found.box
            self.shading.setImage(shade_colours(found.shade, self._background), autoLevels=False)
            self.shading.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))   # row 0 at the bottom: y is up
        self.shading.setVisible(found.shade is not None)
        self.shown_shade = found.shade
        self.fakes.setData(found.fakes[:, 0], found.fakes[:, 1])
        self.shown_fake_scores = found.fake_scores
        if found.fake_scores is not None:
            self.fakes.setBrush(self._fake_brushes(found.fake_scores))
        segments = arrow_segments(found.fakes, found.fakes_after)
        self.arrows.setData(segments[:, 0], segments[:, 1])
        self.shown_iteration = found.iteration

    def _fake_brushes(self, scores: np.ndarray) -> list:
        """A brush per fake, its D score's colour (from the theme's background at 0.5 to the
        tints at 0 and 1); brushes kept by colour, so a refresh makes few new ones."""
        brushes = []
        for colour in shade_colours(scores, self._background, strength=1.0).tolist():
            key = tuple(colour)
            if key not in self._brushes:
                if len(self._brushes) > 4096:
                    self._brushes.clear()
                self._brushes[key] = pg.mkBrush(*key)
            brushes.append(self._brushes[key])
        return brushes

    def _show_clouds(self, points: np.ndarray, labels) -> None:
        self.legend.clear()
        for digit, cloud in enumerate(self._clouds):
            mine = points[labels == digit] if labels is not None else np.zeros((0, 2))
            cloud.setData(mine[:, 0], mine[:, 1])
            if len(mine):
                self.legend.addItem(cloud, cloud.name())
        rest = points if labels is None else np.zeros((0, 2))
        self._unlabelled.setData(rest[:, 0], rest[:, 1])
        self.legend.addItem(self.fakes, self.fakes.name())
        self._shown_reals = points


class ShadeKey(QWidget):
    """The shade's colour scale in a row: "0 = fake [▬▬▬ 0.5 ▬▬▬] 1 = real" (short: on stage the
    map has half a 1024-px screen, in large type)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fake_end = QLabel(_tr("0 = fake"))
        self.real_end = QLabel(_tr("1 = real"))
        self.bar = QFrame()
        self.bar.setMinimumWidth(60)
        self.bar.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.fake_end)
        row.addWidget(self.bar, 1)
        row.addWidget(self.real_end)

    def apply_theme(self, theme: Theme) -> None:
        # The same blend as the map's cells: linear in |2·score − 1| on each side of 0.5.
        fake, middle, real = (QColor(*(int(c) for c in shade_colours(np.array(v), _rgb(theme.plot_background)))).name()
                              for v in (0.0, 0.5, 1.0))
        self.bar.setFixedHeight(max(10, round(0.8 * self.fontMetrics().height())))
        self.bar.setStyleSheet(f"background: qlineargradient(x1:0, y1:0, x2:1, y2:0, stop:0 {fake}, "
                               f"stop:0.5 {middle}, stop:1 {real}); border: 1px solid {theme.plot_foreground};")


class MapPanel(QWidget):
    """The map, what its shade means, and the shade's colour scale."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = DigitMapView(theme)
        self.meaning = QLabel(_tr("Shade: D's score for the image at each point of the plane "
                                  "(decoded from the two axes)."))
        self.meaning.setWordWrap(True)
        self.meaning.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.key = ShadeKey()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.meaning)
        column.addWidget(self.view, 1)
        column.addWidget(self.key)
        self.apply_theme(theme)

    def show_map(self, found) -> None:
        self.view.show_map(found)

    def apply_theme(self, theme: Theme) -> None:
        # The texts around the map grow no more than the legend: on stage, at 200 % type, they
        # took a third of the map's half of a 1024x768 screen.
        font = zoom.zoomed_font(min(zoom.current(), LEGEND_MOST))
        for label in (self.meaning, self.key.fake_end, self.key.real_end):
            label.setFont(font)
        self.view.apply_theme(theme)
        self.key.apply_theme(theme)


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
