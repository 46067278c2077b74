"""The centre of the window: generated digits beside real ones, and the three live plots."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from ganstudio.gui.digit_view import DigitView
from ganstudio.gui.equilibrium_plot import EquilibriumPlot
from ganstudio.gui.loss_plot import LossPlot
from ganstudio.gui.metric_history import MetricHistory
from ganstudio.gui.output_histogram import OutputHistogram
from ganstudio.gui.theme import Theme

REAL_STRIP_ROWS, REAL_STRIP_COLS = 10, 2


def _titled(title: QLabel, body: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    layout.addWidget(title)
    layout.addWidget(body, 1)
    return box


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
        self.grid.setMinimumSize(260, 260)
        self.real_strip.setMinimumWidth(50)
        digits = QWidget()
        row = QHBoxLayout(digits)
        row.setContentsMargins(6, 6, 6, 6)
        row.setSpacing(8)
        # Widths in proportion to the columns, so real and generated digits come out the same size.
        row.addWidget(_titled(self.grid_title, self.grid), 10)
        row.addWidget(_titled(real_title, self.real_strip), REAL_STRIP_COLS)

        self.equilibrium = EquilibriumPlot(theme)
        self.losses = LossPlot(theme)
        self.outputs = OutputHistogram(theme)
        plots = QSplitter(Qt.Orientation.Vertical)
        plots.setObjectName("PlotSplitter")
        for plot in (self.equilibrium, self.losses, self.outputs):
            plots.addWidget(plot.widget)
        plots.setSizes([400, 250, 250])
        self.plots = plots
        self.addWidget(digits)
        self.addWidget(plots)
        self.setStretchFactor(0, 5)
        self.setStretchFactor(1, 4)
        self.setSizes([520, 430])
        self._pending_outputs = None   # D's newest outputs, shown at the next plot refresh

    def apply_theme(self, theme: Theme) -> None:
        for view in (self.grid, self.real_strip):
            view.setBackground(theme.window)
        for plot in (self.equilibrium, self.losses, self.outputs):
            plot.apply_theme(theme)

    def show_samples(self, samples: np.ndarray) -> None:
        self.grid.set_digits(samples)

    def show_reals(self, images: np.ndarray) -> None:
        self.real_strip.set_digits(images)

    def show_records(self, records: list) -> None:
        """The newest images; D's newest outputs wait for the next plot refresh."""
        samples = next((r.samples for r in reversed(records) if r.samples is not None), None)
        if samples is not None:
            self.show_samples(samples)
        latest = next((r for r in reversed(records) if r.d_real_outputs is not None), None)
        if latest is not None:
            self._pending_outputs = (latest.d_real_outputs, latest.d_fake_outputs)

    def show_history(self, history: MetricHistory) -> None:
        """The plots: every record's numbers are already in `history`."""
        self.equilibrium.show_history(history)
        self.losses.show_history(history)
        if self._pending_outputs is not None:
            self.outputs.show_outputs(*self._pending_outputs)
            self._pending_outputs = None

    def clear(self, history: MetricHistory) -> None:
        self._pending_outputs = None
        self.equilibrium.show_history(history)
        self.losses.show_history(history)
        self.outputs.clear()
