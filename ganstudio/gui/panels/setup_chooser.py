"""One side of compare mode: a scenario, a preset, or a setup pasted as a `ganstudio:v1:` line
(core/formats/recipe.py). Open, each item says what it is; closed, the box shows the run's short
name, which is also its name over the grid and in the plot's key."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication

from ganstudio.core.config.presets import PRESETS, get_preset
from ganstudio.core.config.scenarios import SCENARIOS
from ganstudio.core.errors import GanStudioError
from ganstudio.core.formats.recipe import parse_recipe
from ganstudio.core.training.paired_runs import RunSetup
from ganstudio.gui.panels.preset_chooser import PresetChooser
from ganstudio.gui.translations import core_text

PASTE = "paste"   # the item that reads the clipboard


class SetupChooser(PresetChooser):
    chosen = Signal(object)      # a RunSetup, when the user picks one
    refused = Signal(str)        # why a pasted setup cannot be used

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        for scenario in SCENARIOS:
            title = core_text("ScenarioCaption", scenario.title)
            self.addItem(self.tr("Scenario: {title}").format(title=title),
                      RunSetup(title, scenario.config(), speed=scenario.speed))
        for name in PRESETS:
            self.addItem(self.tr("Preset: {name}").format(name=name), RunSetup(name, get_preset(name)))
        self.addItem(self.tr("A setup pasted as one line (from the clipboard)…"), PASTE)
        self._previous = 0
        self.activated.connect(self._activated)

    def setup(self) -> RunSetup:
        return self.currentData()

    def show_setup(self, setup: RunSetup) -> None:
        """Shows `setup` (a comparison's side, a pasted recipe), adding it when it is new."""
        index = next((i for i in range(self.count()) if self.itemData(i) == setup), -1)
        if index < 0:
            index = self.count() - 1   # before the paste item
            self.insertItem(index, setup.label, setup)
        self.setCurrentIndex(index)
        self._previous = index

    def short_text(self, index: int) -> str:
        data = self.itemData(index)
        return data.label if isinstance(data, RunSetup) else ""

    def _activated(self, index: int) -> None:
        if self.itemData(index) != PASTE:
            self._previous = index
            self.chosen.emit(self.setup())
            return
        self.setCurrentIndex(self._previous)   # unless the paste works
        try:
            recipe = parse_recipe(QGuiApplication.clipboard().text())
            setup = RunSetup(self.tr("pasted: {preset}, seed {seed}").format(preset=recipe.preset, seed=recipe.seed),
                             recipe.config(), recipe.data, recipe.digits)
        except GanStudioError as error:
            self.refused.emit(str(error))
            return
        self.show_setup(setup)
        self.chosen.emit(setup)
