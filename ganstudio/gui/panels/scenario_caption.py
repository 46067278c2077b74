"""The chosen scenario's caption over the digits: its title and one line of story in bold, and
under it what to watch — in presenter mode a view that is on screen there; hidden while no
scenario runs."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ganstudio.gui import zoom
from ganstudio.gui.theme import Theme
from ganstudio.gui.translations import core_text

STORY_SCALE = 1.2   # the story over what to watch, at the desk


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
        self.on_stage = False   # presenter mode
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
        self._show_what_to_watch()
        self.show()

    def set_on_stage(self, on: bool) -> None:
        """Presenter mode hides the docks and the loss curves: name a view that stays."""
        self.on_stage = on
        if self.scenario is not None:
            self._show_what_to_watch()

    def _show_what_to_watch(self) -> None:
        scenario = self.scenario
        what = scenario.look_at_on_stage if self.on_stage and scenario.look_at_on_stage else scenario.look_at
        self.watch.setText(self.tr("Watch {what}.").format(what=core_text("ScenarioCaption", what)))

    def clear(self) -> None:
        self.scenario = None
        self.hide()

    def apply_theme(self, theme: Theme) -> None:
        # The story's font follows the zoom: set once, at the first zoom's size, it stayed
        # 14 px over a 19-px line to watch in presenter mode.
        # On stage the type is large already, and the caption's height is the digits'.
        font = zoom.zoomed_font()
        font.setPointSizeF(font.pointSizeF() * (1.0 if zoom.on_stage() else STORY_SCALE))
        self.story.setFont(font)
        self.setStyleSheet(f"#ScenarioCaption {{ background: {theme.alternate_base};"
                           f" border-left: 4px solid {theme.highlight};"
                           f" border-radius: 4px; }}")
