"""Ten toggle buttons: train on chosen digits only (e.g. only 3s). Applies on reset."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget


class DigitFilter(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self._buttons: list[QPushButton] = []
        for digit in range(10):
            button = QPushButton(str(digit))
            button.setCheckable(True)
            button.setChecked(True)
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("00") + 14)
            button.setToolTip(self.tr("Train on digit {digit} (applies on Reset)").format(digit=digit))
            button.toggled.connect(self.changed)
            layout.addWidget(button, digit // 5, digit % 5)
            self._buttons.append(button)
        self._all = QPushButton(self.tr("All"))
        self._all.setToolTip(self.tr("Train on every digit"))
        self._all.clicked.connect(lambda: self.set_digits(None))
        layout.addWidget(self._all, 0, 5, 2, 1)

    def digits(self) -> tuple[int, ...] | None:
        """The chosen digits, or None when all ten are on (no filtering)."""
        chosen = tuple(d for d, button in enumerate(self._buttons) if button.isChecked())
        return None if len(chosen) == 10 else chosen

    def set_digits(self, digits) -> None:
        wanted = set(range(10) if not digits else digits)
        for digit, button in enumerate(self._buttons):
            button.blockSignals(True)
            button.setChecked(digit in wanted)
            button.blockSignals(False)
        self.changed.emit()
