"""How fast training goes: slow enough to follow iteration by iteration on stage, up to as
fast as the CPU allows (the view then refreshes at most ~30 times a second)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSlider, QWidget

from ganstudio.gui.panels.widest_text_label import WidestTextLabel

# Iterations per second for each notch; None means no pacing at all.
SPEEDS: tuple[float | None, ...] = (1, 2, 5, 10, 30, 100, None)


class SpeedControl(QWidget):
    # The slider's room beside the label: the label keeps its widest text at any zoom (a
    # fixed maximum width for the whole control cut "as fast as possibl" at 225 %).
    SLIDER_WIDTH = (120, 200)   # least, most

    interval_changed = Signal(float)   # seconds between iterations, 0 = as fast as possible

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._slider = QSlider(Qt.Orientation.Horizontal)
        self._slider.setRange(0, len(SPEEDS) - 1)
        self._slider.setPageStep(1)
        self._slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self._slider.setToolTip(self.tr("Slow it down to follow single iterations on stage"))
        self._label = WidestTextLabel(self.tr("as fast as possible"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._slider, 1)
        layout.addWidget(self._label)
        self._slider.valueChanged.connect(self._changed)
        self.set_notch(len(SPEEDS) - 1)
        self._changed(self._slider.value())
        self._fit_to_font()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_to_font()

    def _fit_to_font(self) -> None:
        label = self._label.minimumSizeHint().width() + self.layout().spacing()
        least, most = self.SLIDER_WIDTH
        self.setMinimumWidth(least + label)
        self.setMaximumWidth(most + label)

    @property
    def notch(self) -> int:
        return self._slider.value()

    def set_notch(self, notch: int) -> None:
        self._slider.setValue(max(0, min(len(SPEEDS) - 1, notch)))

    @property
    def interval(self) -> float:
        speed = SPEEDS[self.notch]
        return 0.0 if speed is None else 1.0 / speed

    def _changed(self, notch: int) -> None:
        speed = SPEEDS[notch]
        self._label.setText(self.tr("as fast as possible") if speed is None
                            else self.tr("%n iteration(s)/s", "", int(speed)))
        self.interval_changed.emit(self.interval)
