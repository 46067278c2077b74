"""The stages of one training iteration, with the current one highlighted, so a speaker can
walk an audience through an iteration step by step."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QVBoxLayout, QWidget

from ganstudio.gui.translations import tr as _tr


def stage_title(name: str) -> str:
    """A human title for a core stage name; unknown names are shown as words."""
    titles = {
        "copy_generator": _tr("Copy G's first layer into the drawing network"),
        "generate_fakes": _tr("Generate fakes from random noise rows"),
        "sample_reals": _tr("Sample real training digits"),
        "train_discriminator": _tr("Train D: reals → 1, fakes → 0"),
        "copy_discriminator": _tr("Copy D's weights into G's stack"),
        "train_generator": _tr("Train G to make D say 1"),
        "check_stop": _tr("Check the stopping rule"),
    }
    return titles.get(name, name.replace("_", " ").capitalize())


class StageList(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._caption = QLabel(self.tr("One iteration, stage by stage (Shift+→ steps one stage)"))
        self._caption.setWordWrap(True)
        self._list = QListWidget()
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self._list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._list.setAlternatingRowColors(True)
        self._list.setWordWrap(True)
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._caption)
        layout.addWidget(self._list)
        self._names: tuple[str, ...] = ()
        self.current: str | None = None

    def set_stages(self, names: Sequence[str]) -> None:
        self._names = tuple(names)
        self._list.clear()
        for number, name in enumerate(self._names, start=1):
            self._list.addItem(f"    {number}. {stage_title(name)}")
        self._list.setMinimumHeight(self._list.sizeHintForRow(0) * max(3, len(self._names)) + 8
                                    if self._names else 60)
        self.current = None

    def highlight(self, stage: str | None) -> None:
        """Bold and marked; a stage name the list does not know clears the highlight."""
        if stage == self.current:
            return
        self.current = stage if stage in self._names else None
        for row in range(self._list.count()):
            item = self._list.item(row)
            active = self._names[row] == self.current
            font = QFont(item.font())
            font.setBold(active)
            item.setFont(font)
            item.setText(("▶ " if active else "    ") + f"{row + 1}. {stage_title(self._names[row])}")
        if self.current is not None:
            self._list.scrollToItem(self._list.item(self._names.index(self.current)))
