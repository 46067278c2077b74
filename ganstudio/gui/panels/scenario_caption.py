"""The chosen scenario's caption over the digits: its title and one line of story in bold, and
under it what to watch; hidden while no scenario runs."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ganstudio.gui.theme import Theme
from ganstudio.gui.translations import core_text


class ScenarioCaption(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ScenarioCaption")
        self.scenario = None
        self.story = QLabel()
        self.watch = QLabel()
        for label in (self.story, self.watch):
            # Wrapped, never wider than the centre: a long caption must not widen the window.
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.story.setTextFormat(Qt.TextFormat.RichText)   # the title in bold
        font = self.story.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.story.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.story)
        layout.addWidget(self.watch)
        self.hide()

    def show_scenario(self, scenario) -> None:
        self.scenario = scenario
        self.story.setText(self.tr("<b>{title}</b> — {caption}").format(
            title=html.escape(core_text("ScenarioCaption", scenario.title), quote=False),
            caption=html.escape(core_text("ScenarioCaption", scenario.caption), quote=False)))
        self.watch.setText(self.tr("Watch {what}.").format(what=core_text("ScenarioCaption", scenario.look_at)))
        self.show()

    def clear(self) -> None:
        self.scenario = None
        self.hide()

    def apply_theme(self, theme: Theme) -> None:
        self.setStyleSheet(f"#ScenarioCaption {{ background: {theme.alternate_base};"
                           f" border-left: 4px solid {theme.highlight};"
                           f" border-radius: 4px; }}")
