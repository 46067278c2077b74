"""The preset chooser: each preset and ladder rung listed with a short description ("fast — Tuned
for the stage"), its whole description as the tooltip; closed, the box shows the name only, so
it stays narrow in the toolbar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget


def short_description(description: str) -> str:
    """The words before the first colon (the presets' and rungs' descriptions are written
    "what it is: the details"), or before the first full stop when there is no colon."""
    for mark in (":", "：", ". ", "。"):
        head = description.split(mark, 1)[0]
        if head != description:
            return head.strip()
    return description.strip().rstrip(".")


class PresetChooser(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The list is as wide as its longest line; the closed box as its longest name.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Measuring every item's text took 1.6 ms per size hint, asked for at each relayout of
        # the toolbar while training: the hints are kept until the items or the font change.
        self._hints: dict[str, QSize] = {}
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.dataChanged, model.modelReset):
            signal.connect(self._hints.clear)

    def add_preset(self, name: str, description: str) -> None:
        self.addItem(self.tr("{name} — {what}").format(name=name, what=short_description(description)), name)
        self.setItemData(self.count() - 1, description, Qt.ItemDataRole.ToolTipRole)

    def short_text(self, index: int) -> str:
        """What the closed box shows for item `index`: the preset's name (a chooser of other
        things names them its own way, gui/panels/setup_chooser.py)."""
        return self.itemData(index) or ""

    def displayed_text(self) -> str:
        """What the closed box shows: the chosen preset's name."""
        return self.short_text(self.currentIndex()) or self.currentText()

    def showPopup(self) -> None:  # noqa: N802 - Qt's name
        view = self.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width() + 8)
        super().showPopup()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._kept("size", super().sizeHint)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._kept("minimum", super().minimumSizeHint)

    def _kept(self, which: str, qt_hint) -> QSize:
        if which not in self._hints:
            self._hints[which] = self._for_names(qt_hint())
        return QSize(self._hints[which])

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._hints.clear()
        super().changeEvent(event)

    def _for_names(self, hint: QSize) -> QSize:
        """The box's size for its longest name, not its longest line."""
        longest = max((self.fontMetrics().horizontalAdvance(self.short_text(i))
                       for i in range(self.count())), default=0)
        widest = max((self.fontMetrics().horizontalAdvance(self.itemText(i)) for i in range(self.count())),
                     default=0)
        return QSize(max(0, hint.width() - widest + longest), hint.height())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.displayed_text()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
