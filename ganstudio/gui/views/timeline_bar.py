"""The timeline's slider under the digit grid: its last position is now, the ones before it are
the frames the session kept (core/timeline.py). It only says where the user dragged it; what the
grid then shows is decided in gui/window/timeline_control.py."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from ganstudio.gui.reserved_label import ReservedLabel


class TimelineBar(QWidget):
    moved = Signal(int)   # the position the user chose: 0 .. frame count (the last one is now)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        # Mouse only: with focus the slider would take → and Space, which are Step and Start.
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.slider.setPageStep(1)
        self.slider.setAccessibleName(self.tr("Timeline"))
        self.label = ReservedLabel(self.tr("iteration {n}").format(n="000,000"))
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(QLabel(self.tr("Timeline")))
        row.addWidget(self.slider, 1)
        row.addWidget(self.label)
        self.slider.valueChanged.connect(self.moved)
        self.show_frames(0)

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
