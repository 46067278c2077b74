"""Draw for the discriminator: a canvas to draw a digit on (or a picture to open), and what D
and the judge say about it, updated as the user draws. The window part that asks them is
gui/window/network_probes.py; this panel only shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ganstudio.gui.views.drawing_canvas import DrawingCanvas


class DrawPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = DrawingCanvas(self)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.open_button = QPushButton(self.tr("Open Picture…"))
        self.open_button.setToolTip(self.tr("A PNG or JPEG of a digit, shown as D sees it (28×28)"))
        self.clear_button.clicked.connect(self.canvas.clear)
        self.hint = QLabel(self.tr("Draw a digit with the mouse: D says how real it looks."))
        self.hint.setWordWrap(True)
        self.d_answer = QLabel()
        self.d_answer.setObjectName("DiscriminatorAnswer")
        font = self.d_answer.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.d_answer.setFont(font)
        self.d_answer.setWordWrap(True)
        self.judge_answer = QLabel()
        self.judge_answer.setWordWrap(True)
        # The yardstick: what D says on average for real digits and for G's fakes right now,
        # so "37.7 % real" can be read against them.
        self.yardstick = QLabel()
        self.yardstick.setWordWrap(True)
        for label in (self.hint, self.d_answer, self.yardstick, self.judge_answer):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.hint)
        layout.addWidget(self.canvas)
        layout.addLayout(buttons)
        layout.addWidget(self.d_answer)
        layout.addWidget(self.yardstick)
        layout.addWidget(self.judge_answer)
        layout.addStretch(1)
        self.show_yardstick(None)
        self.show_answers(None, None)

    def show_yardstick(self, means: tuple[float | None, float | None] | None) -> None:
        """D's current mean outputs (real digits, G's fakes); None: not known yet."""
        if means is None or means[0] is None:
            self.yardstick.setText("")
            return
        self.yardstick.setText(self.tr("For comparison, D says now: real digits {real} % real, "
                                       "G's fakes {fake} % real (on average)").format(
            real=f"{100 * means[0]:.1f}", fake=f"{100 * means[1]:.1f}"))

    def show_empty(self) -> None:
        """Nothing drawn: nothing to judge, so neither D nor the judge says anything."""
        self.answers = (None, None)
        self.d_answer.setText(self.tr("D: —"))
        self.d_answer.setToolTip(self.tr("Draw something first"))
        self.judge_answer.setText("")

    def show_answers(self, real_probability: float | None, judge_proba,
                     digit_like: bool = True) -> None:
        """D's probability that the drawing is real (None: D cannot be asked), the judge's
        ten class probabilities (None: not known yet), and whether the drawing looks like any
        real digit at all (core/quality/digit_likeness.py): if not, the judge names none."""
        self.answers = (real_probability, judge_proba)
        if real_probability is None:
            self.d_answer.setText(self.tr("D: —"))
            self.d_answer.setToolTip(self.tr("This discriminator cannot be asked about a drawing alone"))
        else:
            self.d_answer.setText(self.tr("D: {percent} % real").format(
                percent=f"{100 * real_probability:.1f}"))
            self.d_answer.setToolTip(self.tr("The discriminator's output: 100 % means it is sure the "
                                             "digit comes from the training images"))
        if judge_proba is None:
            self.judge_answer.setText("")
            return
        if not digit_like:
            self.judge_answer.setText(self.tr("Judge: not a digit (it looks like none of the real "
                                              "digits the judge has seen)"))
            return
        digit = int(judge_proba.argmax())
        self.judge_answer.setText(self.tr("Judge: looks like a {digit} ({percent} % sure)").format(
            digit=digit, percent=f"{100 * judge_proba[digit]:.0f}"))
