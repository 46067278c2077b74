"""The timeline's slider under the digit grid: its last position is now, the ones before it are
the frames the session kept (core/training/timeline.py). It only says where the user dragged it; what the
grid then shows is decided in gui/window/timeline_control.py."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from ganstudio.gui.panels.widest_text_label import WidestTextLabel


class TimelineBar(QWidget):
    moved = Signal(int)   # the position the user chose: 0 .. frame count (the last one is now)
    MIN_SLIDER_LINES = 5  # the slider's least length beside the caption, in lines of text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        # Mouse only: with focus the slider would take → and Space, which are Step and Start.
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.slider.setPageStep(1)
        self.slider.setAccessibleName(self.tr("Timeline"))
        self.label = WidestTextLabel(self.tr("iteration {n}").format(n="000,000"))
        self.caption = QLabel(self.tr("Timeline"))
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.caption)
        row.addWidget(self.slider, 1)
        row.addWidget(self.label)
        self.slider.valueChanged.connect(self.moved)
        self.show_frames(0)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Under a narrow grid with large type (1024 x 768 at 175 %) the caption and the label's
        # room left the slider no length at all: the caption steps aside (the slider's
        # accessible name and tooltip still say what it is).
        super().resizeEvent(event)
        row = self.layout()
        margins = row.contentsMargins()
        others = (self.label.sizeHint().width() + self.caption.sizeHint().width()
                  + 2 * row.spacing() + margins.left() + margins.right())
        self.caption.setVisible(self.width() - others >= self.MIN_SLIDER_LINES * self.fontMetrics().height())

    @property
    def at_now(self) -> bool:
        return self.slider.value() == self.slider.maximum()

    def show_frames(self, count: int, enabled: bool = True) -> None:
        """`count` kept frames, and the slider back at now."""
        self.slider.blockSignals(True)
        self.slider.setRange(0, count)
        self.slider.setValue(count)
        self.slider.blockSignals(False)
        self.slider.setEnabled(enabled and count > 0)
        self.slider.setToolTip(self.tr("Drag back through training: the grid every few iterations")
                               if enabled else self.tr("Pause training to look back"))
        self.show_now()

    def show_now(self) -> None:
        self.label.setText(self.tr("now"))

    def show_frame(self, iteration: int, index: int, count: int) -> None:
        """Frame `index` of `count`, drawn at `iteration`."""
        self.label.setText(self.tr("iteration {n}").format(n=f"{iteration:,}"))
        self.slider.setToolTip(self.tr("Frame {i} of {count} kept").format(i=index + 1, count=count))
