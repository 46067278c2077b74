"""The centre of the window: generated digits beside real ones with D's verdicts on both
under them, and the two live plots of the run."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from ganstudio.core.training.metric_history import MetricHistory
from ganstudio.gui import zoom
from ganstudio.gui.panels.digit_picker import DigitPicker
from ganstudio.gui.theme import Theme
from ganstudio.gui.views.digit_view import DigitView
from ganstudio.gui.views.equilibrium_plot import EquilibriumPlot
from ganstudio.gui.views.loss_plot import LossPlot
from ganstudio.gui.views.output_histogram import OutputHistogram
from ganstudio.gui.views.timeline_bar import TimelineBar

REAL_STRIP_ROWS, REAL_STRIP_COLS = 10, 2


def _titled(title: QLabel, body: QWidget, *between: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    layout.addWidget(title)
    for widget in between:
        layout.addWidget(widget)
    layout.addWidget(body, 1)
    return box


class _Captioned(QWidget):
    """A plot with a caption under it that steps aside when the plot would get too short to
    read (a small window, a large zoom): the plot keeps ~9 lines of text, the caption's words
    stay in its tooltip."""

    PLOT_LINES = 9

    def __init__(self, body: QWidget, caption: QLabel) -> None:
        super().__init__()
        self.caption = caption
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(body, 1)
        layout.addWidget(caption)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        needed = self.caption.heightForWidth(self.width()) + self.PLOT_LINES * self.fontMetrics().height()
        self.caption.setVisible(self.height() >= needed)


class DigitsOverOutputs(QWidget):
    """The digits as large as the column's width allows, D's output histogram in the height
    left under them. On a landscape screen the square grid is limited by its width, and a
    third of the column stood empty below it; the histogram of D's verdicts on real and fake
    images belongs beside those images anyway."""

    MIN_BELOW = 150  # the histogram's least height, when the digits could use it all

    def __init__(self, digits: QWidget, grid: DigitView, below: QWidget) -> None:
        super().__init__()
        self._digits, self._grid, self._below = digits, grid, below
        self.below_shown = True   # False: the digits take the whole height
        digits.setParent(self)
        below.setParent(self)

    def digits_height(self, width: int, height: int) -> int:
        """The height at which the grid just fits `width`: a trial layout at full height tells
        where the grid starts and how wide it is (widths do not depend on the height)."""
        self._digits.setGeometry(0, 0, width, height)
        self._digits.layout().activate()
        top = self._grid.mapTo(self._digits, QPoint(0, 0)).y()
        bottom_margin = self._digits.layout().contentsMargins().bottom()
        return top + round(self._grid.image_height_for_width(self._grid.width())) + bottom_margin

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._split()

    def showEvent(self, event) -> None:  # noqa: N802
        # The first resize comes before the first show, when the hidden row cannot be laid out
        # yet (it measured the grid at its default 640 px): split again once it can.
        self._split()

    def show_below(self, shown: bool) -> None:
        self.below_shown = shown
        self._below.setVisible(shown)
        self.updateGeometry()
        self._split()

    def _split(self) -> None:
        width, height = self.width(), self.height()
        if not self.below_shown:
            self._digits.setGeometry(0, 0, width, height)
            return
        # The histogram keeps a third of the height: with the docks hidden the column grew
        # wide, and the grid, as tall as wide, left it ~100 px. Its least height grows with
        # the type only as its square root: in full, at 200 % it took the grid's last rows.
        below = max(self.MIN_BELOW * zoom.current() ** 0.5, height / 3,
                    self._below.minimumSizeHint().height())   # the histogram's title and axes
        top = min(self.digits_height(width, height), max(round(height - below), height // 2))
        self._digits.setGeometry(0, 0, width, top)
        self._below.setGeometry(0, top, width, height - top)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        digits, below = self._digits.minimumSizeHint(), self._below.minimumSizeHint()
        if not self.below_shown:
            return digits
        return QSize(max(digits.width(), below.width()), digits.height() + max(below.height(), self.MIN_BELOW))

    def sizeHint(self) -> QSize:  # noqa: N802
        digits = self._digits.sizeHint()
        return QSize(digits.width(), digits.height() + 2 * self.MIN_BELOW)


class TrainingView(QSplitter):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("TrainingView")
        self.grid = DigitView(10, 10)
        self.real_strip = DigitView(REAL_STRIP_ROWS, REAL_STRIP_COLS)
        self.grid_title = QLabel(self.tr("Generated from 100 fixed noise vectors"))
        self.grid_title.setToolTip(self.tr("The same noise every refresh, so you watch each "
                                           "digit change as G learns"))
        real_title = QLabel(self.tr("Real"))
        self.grid_title.setWordWrap(True)   # large type: two lines rather than a wider column
        self.grid.setAccessibleName(self.tr("Generated digits"))
        self.real_strip.setAccessibleName(self.tr("Real training digits"))
        # Small enough to leave large type its height at 1024x768 (10 rows of 16-px digits).
        self.grid.setMinimumSize(160, 160)
        self.real_strip.setMinimumWidth(50)
        digits = QWidget()
        row = QHBoxLayout(digits)
        row.setContentsMargins(6, 6, 6, 6)
        row.setSpacing(8)
        # Widths in proportion to the columns, so real and generated digits come out the same size.
        # A conditional G's digit picker sits over the grid it fills: in the data dock it lay
        # under the look-alike "Digits to learn" row, and presenter mode hid it.
        self.digit_picker = DigitPicker()
        row.addWidget(_titled(self.grid_title, self.grid, self.digit_picker), 10)
        self._real_column = _titled(real_title, self.real_strip)
        row.addWidget(self._real_column, REAL_STRIP_COLS)

        self.equilibrium = EquilibriumPlot(theme)
        self.losses = LossPlot(theme)
        self.outputs = OutputHistogram(theme)
        plots = QSplitter(Qt.Orientation.Vertical)
        plots.setObjectName("PlotSplitter")
        plots.addWidget(_Captioned(self.equilibrium.widget, self.equilibrium.caption))
        plots.addWidget(self.losses.widget)
        plots.setSizes([500, 320])
        self.plots = plots
        # The timeline's slider right under the grid, above the histogram.
        self.timeline = TimelineBar()
        below = QWidget()
        column = QVBoxLayout(below)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.timeline)
        column.addWidget(self.outputs.widget, 1)
        self._column = DigitsOverOutputs(digits, self.grid, below)
        self.addWidget(self._column)
        self.addWidget(plots)
        self.setStretchFactor(0, 5)
        self.setStretchFactor(1, 4)
        self.setSizes([520, 430])

    def fill_with_digits(self, on: bool) -> None:
        """Presenter mode's last zoom step: G's grid alone, as large as the screen allows (the
        real digits, the histogram, the timeline and the plots step aside)."""
        self._real_column.setVisible(not on)
        self.plots.setVisible(not on)
        self._column.show_below(not on)

    @property
    def filled_with_digits(self) -> bool:
        return not self._column.below_shown

    def apply_theme(self, theme: Theme) -> None:
        for view in (self.grid, self.real_strip):
            view.setBackground(theme.window)
        for plot in (self.equilibrium, self.losses, self.outputs):
            plot.apply_theme(theme)

    def show_samples(self, samples: np.ndarray) -> None:
        self.grid.set_digits(samples)

    def show_reals(self, images: np.ndarray) -> None:
        self.real_strip.set_digits(images)

    def remember_records(self, records: list) -> None:
        """D's outputs join the histogram's pool, drawn when the histogram is next due."""
        for record in records:
            if record.d_real_outputs is not None:
                self.outputs.remember(record.d_real_outputs, record.d_fake_outputs)

    def show_history(self, history: MetricHistory, runaway: dict | None = None) -> None:
        """The curves: every record's numbers are already in `history`; `runaway`: the losses
        a rollback undid (TrainingController.runaway), shown faded."""
        self.equilibrium.show_history(history)
        self.losses.show_history(history, runaway)

    def clear(self, history: MetricHistory) -> None:
        self.equilibrium.show_history(history)
        self.losses.show_history(history, None)
        self.outputs.clear()
