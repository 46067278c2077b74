"""Seeing quality in the window: a live "What is G drawing?" bar chart over the 10 digit
classes (mode collapse shows up as bars dying), and a metrics panel that "Evaluate now" fills.

Both widgets judge off the GUI thread. The chart is fed uint8 sample arrays as training goes
(`show_samples`); while one judgement runs, newer samples replace any waiting ones, so a fast
training loop never builds up a queue.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ganstudio.core.quality import metrics
from ganstudio.core.quality.evaluation import (
    KIND_SHARE,
    PARZEN_CENTRES,
    RACE_CONFIDENCE,
    ClassReport,
    QualityReport,
    class_report,
    evaluate_images,
)
from ganstudio.gui.jobs import JobRunner
from ganstudio.gui.theme import DARK, Theme
from ganstudio.gui.translations import tr as _tr
from ganstudio.gui.views.plotting import apply_theme_to_plot, make_plot, pen

LIVE_SAMPLES = 100  # one small MLP pass: a few milliseconds
NO_DIGIT = 10.6     # the samples like no digit: after the ten digits, a gap apart (not a digit)
EVALUATION_SAMPLES = 1000


class ClassCoverageChart(QWidget):
    """"What is G drawing?": the share of G's samples the judge assigns to each digit, with
    the uniform 10 % line and a coverage / KL readout.

    API: show_samples(uint8 (n, 28, 28)) — judge up to 100 of them off the GUI thread;
    clear(); apply_theme(theme); shutdown(); signal `judged(ClassReport)`; `report`."""

    judged = Signal(object)

    def __init__(self, theme: Theme = DARK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: ClassReport | None = None
        self.plot = make_plot(_tr("What is G drawing?"), _tr("digit (as the judge sees it)"),
                              _tr("share of samples"))
        item = self.plot.getPlotItem()
        item.setXRange(-0.6, NO_DIGIT + 0.6, padding=0)
        item.setYRange(0.0, 1.0, padding=0.02)
        item.setMouseEnabled(x=False, y=False)
        item.getAxis("bottom").setTicks([[(d, str(d)) for d in range(10)]
                                         + [(NO_DIGIT, _tr("none"))]])
        # Digit-like samples per digit, and beside them, in grey, the samples like no digit
        # (the one rule of core/quality/evaluation.py): noise never makes a digit's bar.
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7)
        self.no_digit_bar = pg.BarGraphItem(x=[NO_DIGIT], height=[0.0], width=0.7)
        self.uniform_line = pg.InfiniteLine(pos=0.1, angle=0)
        item.addItem(self.bars)
        item.addItem(self.no_digit_bar)
        item.addItem(self.uniform_line)
        self.readout = QLabel(self)
        self.readout.setWordWrap(True)
        self.readout.setToolTip(_tr("The judge always names a digit, even for noise, so a "
                                    "sample counts as a digit only if it looks like one: images "
                                    "unlike every real digit the judge was trained on (about 1 % "
                                    "of real digits; all of an untrained G's blobs) make the grey "
                                    "\"none\" bar.\nKinds: digits drawn in at least {share:.0%} "
                                    "of the samples (as the verdict counts them).\nKL: how far "
                                    "the judge's names are from all ten equal (0 = balanced, "
                                    "2.303 = one digit only).").format(share=KIND_SHARE))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.readout)
        self._runner = JobRunner(self, latest_only=True)
        self.apply_theme(theme)
        self.clear()

    def show_samples(self, images: np.ndarray) -> None:
        batch = np.array(images[:LIVE_SAMPLES], dtype=np.uint8)  # our own copy for the thread
        if len(batch):
            self._runner.submit(lambda report: class_report(batch), self._show_report,
                                self._show_failure)

    def clear(self) -> None:
        self._runner.cancel()   # a judgement of samples from before the clear is stale
        self.report = None
        self.bars.setOpts(height=np.zeros(10))
        self.no_digit_bar.setOpts(height=[0.0])
        self.readout.setText(_tr("Kinds of digit: – · KL to uniform: – · confident: –"))

    def apply_theme(self, theme: Theme) -> None:
        apply_theme_to_plot(self.plot, theme)
        fill = QColor(theme.fake_color)
        fill.setAlpha(170)
        self.bars.setOpts(brush=fill, pen=pen(theme.fake_color))
        self.uniform_line.setPen(pen(theme.reference_color, Qt.PenStyle.DashLine))
        grey = QColor(theme.disabled_text)
        grey.setAlpha(170)
        self.no_digit_bar.setOpts(brush=grey, pen=pen(theme.disabled_text))

    def shutdown(self, wait: bool = True) -> None:
        self._runner.shutdown(wait)

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def _show_report(self, report: ClassReport) -> None:
        self.report = report
        self.bars.setOpts(height=np.asarray(report.digit_shares, np.float64))
        self.no_digit_bar.setOpts(height=[report.unlike_share])
        # Short lines that fit the dock; "digit‑like" has a non-breaking hyphen (U+2011).
        self.readout.setText(_tr("Kinds of digit: {kinds}/10 · KL: {kl:.3f} nats\n"
                                 "Confident (≥ {threshold:.0%}): {share:.0%}\n"
                                 "Not digit‑like: {unlike:.0%}").format(
            kinds=report.kinds, kl=report.kl, threshold=RACE_CONFIDENCE,
            share=report.confident_share, unlike=report.unlike_share))
        self.judged.emit(report)

    def _show_failure(self, message: str) -> None:
        self.readout.setText(_tr("The judge is unavailable: {message}").format(message=message))


class QualityMetricsPanel(QWidget):
    """The numbers a reviewer can check, filled by "Evaluate now".

    API: `evaluate_action` (a QAction, also on the panel's button) asks the sample source set
    with set_sample_source(fn) for images — fn(count) -> uint8 (count, 28, 28), called on the
    GUI thread, so it can stop training briefly to sample — and evaluates them off the GUI
    thread. evaluate_images(images, parzen_centres=None) does the same with given images.
    Signals `evaluated(QualityReport)`, `failed(str)`; `report`; shutdown()."""

    evaluated = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None, parzen_centres: int = PARZEN_CENTRES) -> None:
        super().__init__(parent)
        self.parzen_centres = parzen_centres
        self.report: QualityReport | None = None
        self._sample_source: Callable[[int], np.ndarray] | None = None
        self.evaluate_action = QAction(_tr("Evaluate now"), self)
        self.evaluate_action.setToolTip(_tr("Judge 1,000 fresh samples of G and estimate the "
                                            "Parzen log-likelihood from 10,000"))
        self.evaluate_action.triggered.connect(self.evaluate_now)
        self.evaluate_action.setEnabled(False)
        button = QToolButton(self)
        button.setDefaultAction(self.evaluate_action)
        self.status = QLabel(_tr("Not evaluated yet."), self)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("judged", _tr("Samples judged")),
            ("kinds", _tr("Kinds of digit")),
            ("kl", _tr("KL to uniform")),
            ("confidence", _tr("Mean confidence")),
            ("confident", _tr("Confident (≥ 0.9)")),
            ("unlike", _tr("Not digit‑like")),
            ("score", _tr("MNIST score")),
            ("frechet", _tr("Fréchet distance")),
            ("parzen", _tr("Parzen log-likelihood")),
        ):
            self.values[key] = QLabel("–", self)
            self.values[key].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, self.values[key])
        published = QLabel(self._published_text(), self)
        published.setWordWrap(True)
        published.setToolTip(_tr("Why weak: in 784 dimensions a Parzen estimate varies a lot "
                                 "and can put models in the wrong order (Theis, van den Oord & "
                                 "Bethge, ICLR 2016)."))
        layout = QVBoxLayout(self)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(published)
        layout.addStretch(1)
        self._runner = JobRunner(self, latest_only=True)
        # One evaluation at a time; after clear() a new one may wait for a dropped one to end.
        self._evaluating = False

    def set_sample_source(self, source: Callable[[int], np.ndarray] | None) -> None:
        self._sample_source = source
        self.evaluate_action.setEnabled(source is not None)

    def evaluate_now(self) -> None:
        if self._sample_source is None or self._evaluating:
            return
        count = max(EVALUATION_SAMPLES, self.parzen_centres)
        try:
            images = np.asarray(self._sample_source(count), dtype=np.uint8)
        except Exception as error:  # noqa: BLE001 - shown to the user, the window goes on
            self._show_failure(str(error))
            return
        self.evaluate_images(images[:EVALUATION_SAMPLES],
                             images[:self.parzen_centres] if self.parzen_centres else None)

    def evaluate_images(self, images: np.ndarray, parzen_centres: np.ndarray | None = None) -> None:
        images = np.array(images, dtype=np.uint8)
        centres = None if parzen_centres is None else np.array(parzen_centres, dtype=np.uint8)
        self.status.setText(_tr("Evaluating {n} samples…").format(n=len(images)))
        self._evaluating = True
        self.evaluate_action.setEnabled(False)
        self._runner.submit(lambda report: evaluate_images(images, parzen_centres=centres),
                            self._show_report, self._show_failure)

    def shutdown(self, wait: bool = True) -> None:
        self._runner.shutdown(wait)

    def clear(self) -> None:
        """Back to "not evaluated" (a new run): an evaluation in flight is of the old one."""
        self._runner.cancel()
        self._evaluating = False
        self.report = None
        for label in self.values.values():
            label.setText("–")
        self.status.setText(_tr("Not evaluated yet."))
        self.evaluate_action.setEnabled(self._sample_source is not None)

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def _show_report(self, report: QualityReport) -> None:
        self.report = report
        c = report.classes
        v = self.values
        v["judged"].setText(f"{c.n:,}")
        v["kinds"].setText(f"{c.kinds}/10")
        v["kl"].setText(_tr("{kl:.3f} nats").format(kl=c.kl))
        v["confidence"].setText(f"{c.confidence:.3f}")
        v["confident"].setText(f"{c.confident_share:.1%}")
        v["unlike"].setText(f"{c.unlike_share:.1%}")
        v["score"].setText(_tr("{score:.2f} of 10").format(score=report.mnist_score))
        f = report.frechet
        v["frechet"].setText(_tr("{fd:.2f} (real vs real: {base:.2f}, n = {n})").format(
            fd=f.distance, base=f.baseline, n=f.n))
        p = report.parzen
        v["parzen"].setText(_tr("not estimated") if p is None else _tr(
            "{mean:.0f} ± {se:.1f} nats (σ = {sigma:.3f}, {k:,} centres)").format(
            mean=p.mean, se=p.standard_error, sigma=p.sigma, k=p.n_centres))
        self.status.setText(_tr("Evaluated."))
        self._evaluating = False
        self.evaluate_action.setEnabled(self._sample_source is not None)
        self.evaluated.emit(report)

    def _show_failure(self, message: str) -> None:
        self.status.setText(_tr("Evaluation failed: {message}").format(message=message))
        self._evaluating = False
        self.evaluate_action.setEnabled(self._sample_source is not None)
        self.failed.emit(message)

    @staticmethod
    def _published_text() -> str:
        rows = ", ".join(f"{name} {mean:.0f} ± {se:g}" for name, mean, se in metrics.PARZEN_PUBLISHED)
        return _tr("Published Parzen log-likelihoods on MNIST ({source}): {rows}. "
                   "A weak metric: compare like with like.").format(
            source=metrics.PARZEN_CITATION, rows=rows)


class _WholeHeightScrollArea(QScrollArea):
    """Asks for its widget's whole height at the width it has (its wrapped text included),
    so it scrolls only when the dock is really too short."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:  # noqa: N802
        widget = self.widget()
        width = max(self.viewport().width(), widget.minimumSizeHint().width())
        return QSize(width, widget.heightForWidth(width) if widget.hasHeightForWidth()
                     else widget.sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # a new width wraps the text to a new height


class QualityPanel(QWidget):
    """Both pieces stacked, for mounting as one dock: `.coverage` (ClassCoverageChart) and
    `.metrics` (QualityMetricsPanel)."""

    def __init__(self, theme: Theme = DARK, parent: QWidget | None = None,
                 parzen_centres: int = PARZEN_CENTRES) -> None:
        super().__init__(parent)
        self.coverage = ClassCoverageChart(theme, self)
        self.metrics = QualityMetricsPanel(self, parzen_centres)
        # The numbers scroll when the dock is short: squeezed, their wrapped lines overlapped.
        metrics_scroll = _WholeHeightScrollArea(self)
        metrics_scroll.setWidget(self.metrics)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.coverage, 1)
        layout.addWidget(metrics_scroll, 0)

    def show_samples(self, images: np.ndarray) -> None:
        self.coverage.show_samples(images)

    def clear(self) -> None:
        """Forgets the old run: its class chart and its "Evaluate now" numbers."""
        self.coverage.clear()
        self.metrics.clear()

    def apply_theme(self, theme: Theme) -> None:
        self.coverage.apply_theme(theme)

    def shutdown(self, wait: bool = True) -> None:
        """Drops the judgements in flight; waits for them unless `wait` is False."""
        self.coverage.shutdown(wait)
        self.metrics.shutdown(wait)
