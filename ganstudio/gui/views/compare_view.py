"""Compare mode's page (issue 22 part 2): two runs side by side. Over each grid the chooser of its
setup, marked in the run's colour; under the grids, tabs: both runs' D curves on one plot, their
"What is G drawing?" charts side by side, their maps of digit space side by side. Tabs rather
than all at once: at 1024x768 in presenter mode's large type the three pairs do not fit under
the grids together, and each tells its story alone."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ganstudio.gui.panels.quality_panel import ClassCoverageChart
from ganstudio.gui.panels.setup_chooser import SetupChooser
from ganstudio.gui.theme import Theme
from ganstudio.gui.translations import tr as _tr
from ganstudio.gui.views.digit_map_view import DigitMapView
from ganstudio.gui.views.digit_view import DigitView
from ganstudio.gui.views.paired_plot import RUNS, PairedEquilibriumPlot
from ganstudio.gui.views.plotting import pen


class RunStatus(QLabel):
    """Where one run is: its state, iteration and speed."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)

    def show_run(self, state: str, iteration: int, rate: float) -> None:
        """`state`: the controller's state's value (idle, running, paused, finished, failed)."""
        n = f"{iteration:,}"
        texts = {
            "idle": _tr("Ready: press Space to train both"),
            "running": _tr("Iteration {n} · {rate:,.0f} a second"),
            "paused": _tr("Paused at iteration {n}"),
            "finished": _tr("Finished at iteration {n}"),
            "failed": _tr("Stopped by an error at iteration {n}"),
        }
        self.setText(texts[state].format(n=n, rate=rate))


class RunColumn(QWidget):
    """One run: a mark in its colour, its chooser, its grid, where it is."""

    def __init__(self) -> None:
        super().__init__()
        self.mark = QFrame()   # the run's colour, as in the plot's key
        self.mark.setFixedWidth(8)
        self.chooser = SetupChooser()
        self.grid = DigitView(10, 10)
        self.grid.setMinimumSize(120, 120)
        self.grid.setAccessibleName(_tr("Generated digits"))
        self.status = RunStatus()
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.mark)
        header.addWidget(self.chooser, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.status)

    def apply_theme(self, theme: Theme, color: str) -> None:
        self.grid.setBackground(theme.window)
        self.mark.setStyleSheet(f"background: {color}; border-radius: 2px")


class StepAsideCaption(QLabel):
    """A wrapped caption that asks for its lines but insists on none: the page's least height
    is the runs' alone, and the page hides the caption (its words stay in the tooltip) when
    the runs would get less than their least (1024x768, presenter mode's largest type)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)   # a comparison's title in bold

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setToolTip(text)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False   # else the layout's least height would hold all its lines

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, 0)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self.lines_height(self.width()))

    def lines_height(self, width: int) -> int:
        return super().heightForWidth(width)


def _pair(left: QWidget, right: QWidget) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(left, 1)
    layout.addWidget(right, 1)
    return row


class CompareView(QWidget):
    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self.setObjectName("CompareView")
        self.caption = StepAsideCaption()   # what is compared, and how the cores are shared
        self.runs = [RunColumn() for _ in range(RUNS)]
        self.plot = PairedEquilibriumPlot(theme)
        self.charts = [ClassCoverageChart(theme) for _ in range(RUNS)]
        self.maps = [DigitMapView(theme) for _ in range(RUNS)]
        self.below = QTabWidget()
        self.below.setDocumentMode(True)
        self.below.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)   # ← and → stay Step's keys
        self.below.addTab(self.plot.widget, _tr("D's verdicts"))
        self.below.addTab(_pair(*self.charts), _tr("What is G drawing?"))
        self.map_page = _pair(*self.maps)
        self.below.addTab(self.map_page, _tr("Map of digit space"))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(_pair(*self.runs))
        split.addWidget(self.below)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        split.setSizes([600, 400])   # the grids first: they are what the audience looks at
        self.split = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(split, 1)
        self.apply_theme(theme)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_caption()

    def _fit_caption(self) -> None:
        if not self.caption.text():
            return
        lines = self.caption.lines_height(self.width())
        spacing = self.layout().spacing()
        self.caption.setVisible(self.height() >= lines + spacing + self.split.minimumSizeHint().height())
        self.caption.updateGeometry()   # its lines at the new width

    def favour_grids(self, on_stage: bool) -> None:
        """On stage the grids take two thirds of the height (the audience reads them from
        afar); at the desk three fifths, the plots and maps getting the rest."""
        total = sum(self.split.sizes()) or self.split.height()
        share = 2 / 3 if on_stage else 3 / 5
        self.split.setSizes([round(total * share), total - round(total * share)])

    def show_caption(self, text: str) -> None:
        self.caption.setText(text)
        self._fit_caption()

    @property
    def maps_shown(self) -> bool:
        return self.isVisible() and self.below.currentWidget() is self.map_page

    def name_runs(self, labels: list[str]) -> None:
        self.plot.name_runs(labels)

    def apply_theme(self, theme: Theme) -> None:
        self.plot.apply_theme(theme)
        for run, color in enumerate(theme.run_colors):
            self.runs[run].apply_theme(theme, color)
            chart = self.charts[run]
            chart.apply_theme(theme)
            fill = QColor(color)
            fill.setAlpha(170)
            chart.bars.setOpts(brush=fill, pen=pen(color))   # the run's colour, not D(fake)'s
            # Its title says what the bars are; at 1024x768 on stage the axis' words were cut.
            chart.plot.getPlotItem().getAxis("left").showLabel(False)
            self.maps[run].apply_theme(theme)

    def show_samples(self, run: int, samples: np.ndarray) -> None:
        self.runs[run].grid.set_digits(samples)
