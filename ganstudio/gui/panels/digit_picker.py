"""Eleven toggle buttons that ask a conditional G for one digit (0–9) or for all of them, a row
of the grid each, over the grid they fill. Shown only while the session is conditional (the
conditional preset)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

ALL = 10   # the "All" button's id in the group (-1 means "pick one" to Qt)


class DigitPicker(QWidget):
    picked = Signal(object)   # the digit asked for, or None for all of them

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Ask G for:"))
        self.title.setToolTip(self.tr("This G was told each training digit's label, so it can "
                                      "be asked for one: the grid shows the digit you pick"))
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        buttons = QGridLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(3)
        for digit in range(10):
            button = QPushButton(str(digit))
            button.setCheckable(True)
            button.setToolTip(self.tr("Fill the grid with {digit}s").format(digit=digit))
            self.group.addButton(button, digit)
            buttons.addWidget(button, digit // 5, digit % 5)
        every = QPushButton(self.tr("All"))
        every.setCheckable(True)
        every.setChecked(True)
        every.setToolTip(self.tr("A row of the grid for each digit"))
        self.group.addButton(every, ALL)
        buttons.addWidget(every, 0, 5, 2, 1)
        self.group.idClicked.connect(lambda id_: self.picked.emit(None if id_ == ALL else id_))
        self.group.buttonToggled.connect(lambda *_: self._mark_chosen())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        self._mark_chosen()
        self._fit_to_font()

    def _fit_to_font(self) -> None:
        """Narrow digit buttons, as wide as the type asks (once, at construction, they kept
        100 %'s width at 200 % and cut their digit)."""
        for digit in range(10):
            button = self.group.button(digit)
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("00") + 14)

    def digit(self) -> int | None:
        chosen = self.group.checkedId()
        return None if chosen == ALL else chosen

    def show_digits(self, digits, asked: int | None) -> None:
        """Offers `digits` (what G was trained on) and shows `asked` chosen, without `picked`."""
        for digit in range(10):
            self.group.button(digit).setEnabled(digit in digits)
        self.group.button(ALL if asked is None else asked).setChecked(True)

    def _mark_chosen(self) -> None:
        """The chosen button in the theme's highlight colour: one choice of eleven must show,
        and a checked push button alone is hard to tell apart in the dark theme. Only that
        button gets a style sheet, so the others keep the style's own look."""
        palette = self.palette()
        sheet = (f"QPushButton {{ background: {palette.highlight().color().name()};"
                 f" color: {palette.highlightedText().color().name()}; border-radius: 3px; }}")
        for button in self.group.buttons():
            button.setStyleSheet(sheet if button.isChecked() else "")

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:   # a new theme: its highlight colour
            self._mark_chosen()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_to_font()
