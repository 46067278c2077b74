"""The step-through: the diagram of the networks with the stage that ran lit, and under it what
the stage moved — the fakes and reals of this iteration (a few of each), D's outputs before and
after a training stage, the stage's loss, and one plain sentence."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ganstudio.core.training.stage_report import DOutputs, StageReport
from ganstudio.gui.theme import Theme
from ganstudio.gui.views.digit_view import DigitView
from ganstudio.gui.views.network_diagram import NetworkDiagram
from ganstudio.gui.views.stage_list import stage_title
from ganstudio.gui.views.stage_sentences import stage_sentence

STRIP = 8   # images in a row (core/training/stage_report.py sends at most this many)


class OutputShift(QWidget):
    """D's outputs on reals and fakes over [0, 1]: before a stage as outlines, after it filled,
    so the histogram is seen to move."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._theme = theme
        self.before: DOutputs | None = None
        self.after: DOutputs | None = None

    def show_outputs(self, before: DOutputs | None, after: DOutputs | None) -> None:
        self.before, self.after = before, after
        self.update()

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        line = self.fontMetrics().height()
        return QSize(10 * line, 4 * line)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        t, metrics = self._theme, self.fontMetrics()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = metrics.height()
        plot = QRectF(self.rect()).adjusted(line * 0.5, line * 0.3, -line * 0.5, -line * 1.3)
        painter.setPen(QPen(QColor(t.plot_foreground), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        for value in (0.0, 0.5, 1.0):
            x = plot.left() + value * plot.width()
            label = QRectF(x - 2 * line, plot.bottom() + 2, 4 * line, line)
            painter.drawText(label, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                             f"{value:g}")
        shares = []
        for when in (self.before, self.after):
            if when is None:
                continue
            for kind, summary in (("real", when.real), ("fake", when.fake)):
                if summary is not None and summary.counts.sum() > 0:
                    shares.append((when is self.after, kind, summary.counts / summary.counts.sum()))
        top = max((float(s.max()) for *_, s in shares), default=1.0) or 1.0
        for filled, kind, share in shares:
            colour = QColor(t.real_color if kind == "real" else t.fake_color)
            width = plot.width() / len(share)
            pen = QPen(colour, 1.5 if filled else 2.0)
            if not filled:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            fill = QColor(colour)
            fill.setAlphaF(0.45)
            painter.setBrush(fill if filled else Qt.BrushStyle.NoBrush)
            for i, value in enumerate(share):
                if value > 0:
                    height = plot.height() * float(value) / top
                    painter.drawRect(QRectF(plot.left() + i * width, plot.bottom() - height, width, height))
        painter.end()


def _bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class StepThroughView(QWidget):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StepThroughView")
        self.diagram = NetworkDiagram(theme)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.fakes_title, self.fakes = QLabel(), DigitView(1, STRIP)
        self.after_title, self.fakes_after = QLabel(self.tr("…and after G's training")), DigitView(1, STRIP)
        self.reals_title, self.reals = QLabel(), DigitView(1, STRIP)
        self.outputs_title = QLabel()
        self.outputs_title.setWordWrap(True)
        self.outputs = OutputShift(theme)
        self.loss = QLabel()
        for strip, name in ((self.fakes, self.tr("Fakes of this iteration")),
                            (self.fakes_after, self.tr("Fakes after G's training")),
                            (self.reals, self.tr("Reals of this iteration"))):
            strip.setAccessibleName(name)
            strip.setMinimumHeight(24)
        below = QGridLayout()
        below.setContentsMargins(0, 0, 0, 0)
        below.setHorizontalSpacing(12)
        images = QVBoxLayout()
        images.setSpacing(2)
        for widget in (self.fakes_title, self.fakes, self.after_title, self.fakes_after,
                       self.reals_title, self.reals):
            images.addWidget(widget)
        images.addStretch(1)
        verdicts = QVBoxLayout()
        verdicts.setSpacing(2)
        verdicts.addWidget(self.outputs_title)
        verdicts.addWidget(self.outputs, 1)
        verdicts.addWidget(self.loss)
        below.addLayout(images, 0, 0)
        below.addLayout(verdicts, 0, 1)
        below.setColumnStretch(0, 1)
        below.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.diagram, 5)
        layout.addWidget(self.title)
        layout.addWidget(self.sentence)
        layout.addLayout(below, 3)
        self.apply_theme(theme)
        self._config, self._stages = None, ()
        self.report: StageReport | None = None
        self._batch_iteration, self._batch = 0, {"fakes": None, "reals": None}

    def apply_theme(self, theme: Theme) -> None:
        for strip in (self.fakes, self.fakes_after, self.reals):
            strip.setBackground(theme.window)
        self.diagram.apply_theme(theme)
        self.outputs.apply_theme(theme)
        _bold(self.title)

    def set_session(self, config, stage_names) -> None:
        self._config, self._stages = config, tuple(stage_names)
        self._batch_iteration, self._batch = 0, {"fakes": None, "reals": None}
        self.diagram.set_config(config)
        self.show_report(None)

    def remember_records(self, records: list) -> None:
        """The newest stepped stage among `records` is shown; a record of training that runs
        (or of a whole iteration) clears what a stage lit."""
        latest = records[-1]
        report = next((r.stage_report for r in reversed(records) if r.stage_report is not None), None)
        if report is not None:
            self.show_report(report)
        elif self.report is not None and latest.stage_report is None:
            self.show_report(None)

    def show_report(self, report: StageReport | None) -> None:
        self.report = report
        self.diagram.show_stage(report.stage if report else None)
        if report is None:
            self.title.setText(self.tr("Step through one iteration"))
            self.sentence.setText(self.tr("Press Shift+→ to run one stage: the diagram lights the "
                                          "networks it uses and shows here what it moved."))
            self._show_images(None, None, None)
            self.outputs_title.setText("")
            self.outputs.show_outputs(None, None)
            self.loss.setText("")
            return
        number = self._stages.index(report.stage) + 1 if report.stage in self._stages else 0
        self.title.setText(self.tr("Iteration {iteration}, stage {number} of {count}: {title}").format(
            iteration=report.iteration, number=number, count=len(self._stages),
            title=stage_title(report.stage)))
        self.sentence.setText(stage_sentence(report, self._config))
        if report.iteration != self._batch_iteration:   # a new iteration's batch
            self._batch_iteration, self._batch = report.iteration, {"fakes": None, "reals": None}
            self.outputs_title.setText("")
            self.outputs.show_outputs(None, None)
        for kind, images in (("fakes", report.fakes), ("reals", report.reals)):
            if report.stage != "train_generator" and images is not None:
                self._batch[kind] = images
        if report.stage == "train_generator":
            self._show_images(report.fakes_before, report.fakes, self._batch["reals"])
        else:   # the iteration's batch stays on screen while the later stages use it
            self._show_images(self._batch["fakes"], None, self._batch["reals"])
        self._show_outputs(report)
        self.loss.setText("" if report.loss is None else self.tr("Loss of this stage: {loss:.4f}").format(
            loss=report.loss))

    def _show_outputs(self, report: StageReport) -> None:
        if report.before is not None:
            self.outputs_title.setText(self.tr("D's outputs before (outline) and after (filled) "
                                               "this stage; blue reals, orange fakes"))
        elif report.after is not None:
            self.outputs_title.setText(self.tr("D's outputs on this iteration's images"))
        else:
            return   # the last ones stay: they are still this iteration's
        self.outputs.show_outputs(report.before, report.after)

    def _show_images(self, fakes, fakes_after, reals) -> None:
        """Rows of images, each under its title; a row with nothing to show is hidden."""
        self.fakes_title.setText(self.tr("Fakes before G's training") if fakes_after is not None
                                 else self.tr("Fakes of this iteration (a few)"))
        self.reals_title.setText(self.tr("Reals of this iteration (a few)"))
        for title, strip, images in ((self.fakes_title, self.fakes, fakes),
                                     (self.after_title, self.fakes_after, fakes_after),
                                     (self.reals_title, self.reals, reals)):
            strip.set_digits(np.zeros((0, 28, 28), np.uint8) if images is None else images)
            title.setVisible(images is not None)
            strip.setVisible(images is not None)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # A strip is one row of digits: no taller than its width makes them, so the rows stay
        # together under their titles.
        for strip in (self.fakes, self.fakes_after, self.reals):
            strip.setMaximumHeight(max(24, round(strip.image_height_for_width(self.width() / 2))))
