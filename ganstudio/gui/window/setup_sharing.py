"""Sharing a setup (issue 22 part 3): Edit ▸ Copy Setup puts the setup shown (preset, changed
settings, seed, data, digits) on the clipboard as one `ganstudio:v1:` line; Edit ▸ Paste Setup
and File ▸ Open Recipe… make a recipe the session, and File ▸ Save Recipe… writes it as a file
(core/formats/recipe.py has the format).

A recipe becomes the session the way Open Checkpoint's does: the new session is built first, on
the recipe's data and digits, and only then handed to the session policy, so a recipe that cannot
be used (damaged, a dataset not downloaded yet, too few images) is one message and the user's
session, settings and data stay exactly as they were; one that can replaces the session through
the controller, so Ctrl+Z brings the old one back (session_undo.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QWidget

from ganstudio.core.config.scenarios import SCENARIOS
from ganstudio.core.data import access as dataset_loading
from ganstudio.core.errors import GanStudioError
from ganstudio.core.files.atomic import atomic_file
from ganstudio.core.formats.recipe import FILE_NAME, Recipe, parse_recipe, read_recipe_file
from ganstudio.gui.panels.hyperparameter_panel import HyperparameterPanel
from ganstudio.gui.panels.message_bar import MessageBar
from ganstudio.gui.translations import tr as _tr
from ganstudio.gui.window.actions import WindowActions
from ganstudio.gui.window.dataset_choice import DatasetChoice
from ganstudio.gui.window.file_commands import FileCommands
from ganstudio.gui.window.saved_settings import WindowSettings
from ganstudio.gui.window.session_policy import SessionPolicy


class SetupSharing(QObject):
    def __init__(self, actions: WindowActions, data: DatasetChoice, policy: SessionPolicy,
                 hyperparameters: HyperparameterPanel, files: FileCommands, message_bar: MessageBar,
                 settings: WindowSettings, show_error: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._message_bar = message_bar   # what was done, where it is read (the status bar cuts it)
        self._data, self._policy, self._hyperparameters = data, policy, hyperparameters
        self._files, self._settings, self._show_error = files, settings, show_error
        self._parent = parent   # the file dialogs' parent
        actions.copy_setup.triggered.connect(self.copy)
        actions.paste_setup.triggered.connect(self.paste)
        actions.open_recipe.triggered.connect(self.open_file)
        actions.save_recipe.triggered.connect(self.save_file)

    def recipe(self) -> Recipe:
        """The setup shown: the settings panel's configuration on the chosen data and digits."""
        config = self._hyperparameters.config()
        digits = self._data.digits()
        # A setup that is a scenario's says so (the window plays scenarios on all bundled digits).
        scenario = next((s.name for s in SCENARIOS if s.config() == config), None)
        if self._data.spec != "bundled" or digits is not None:
            scenario = None
        return Recipe.from_setup(config, self._data.spec, digits, scenario)

    def copy(self) -> None:
        try:
            line = self.recipe().to_line()
        except GanStudioError as error:
            self._show_error(str(error))
            return
        QGuiApplication.clipboard().setText(line)
        self._message_bar.show_message(self.tr("Copied the setup as one line: paste it into a chat "
                                               "or an email; Paste Setup trains it again"), info=True)

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self._show_error(self.tr("The clipboard holds no setup: copy a line that starts with "
                                     "ganstudio:v1: first"))
            return
        try:
            recipe = parse_recipe(text)
        except GanStudioError as error:
            self._show_error(self.tr("Paste Setup: {reason}").format(reason=error))
            return
        self.restore(recipe)

    def open_file(self) -> None:
        settings = self._settings
        path, _ = QFileDialog.getOpenFileName(self._parent, self.tr("Open recipe"), settings.last_folder,
                                              self.tr("Recipes (*.toml *.txt);;All files (*)"))
        if not path:
            return
        settings.last_folder = str(Path(path).parent)
        self.open_path(path)

    def open_path(self, path) -> bool:
        try:
            recipe = read_recipe_file(path)
        except GanStudioError as error:
            self._show_error(str(error))
            return False
        return self.restore(recipe)

    def save_file(self) -> None:
        try:
            text = self.recipe().to_toml()
        except GanStudioError as error:
            self._show_error(str(error))
            return
        path = self._files.ask_save_path(self.tr("Save recipe"), FILE_NAME, self.tr("Recipes (*.toml)"))
        if not path:
            return
        self._files.write_file(lambda: _write_text(path, text), path)

    def restore(self, recipe: Recipe) -> bool:
        """The recipe's session becomes the session; on any problem, one message and nothing
        changed. Whether it did."""
        from ganstudio.core.training.session import TrainingSession

        data = self._data
        try:
            config = recipe.config()
            if recipe.data == data.spec and data.dataset is not None:
                dataset = data.dataset
            elif dataset_loading.needs_download(recipe.data):
                self._show_error(self.tr("This setup trains on {data}, which is not downloaded yet: "
                                         "download it in the Data panel, then paste the setup again")
                                 .format(data=recipe.data))
                return False
            else:
                dataset = dataset_loading.open_spec(recipe.data)
            session = TrainingSession(config, dataset_loading.apply_filter(dataset, recipe.digits))
        except GanStudioError as error:
            self._show_error(str(error))
            return False
        if dataset is not data.dataset:
            data.use(recipe.data, dataset)
        data.set_digits_quietly(recipe.digits)
        self._policy.adopt(session, config)
        said = self.tr("Restored the setup: preset {preset}, seed {seed}.").format(
            preset=recipe.preset, seed=recipe.seed)
        bar = self._message_bar
        if bar.isVisible() and bar.info:   # how to undo it (session_undo.py) follows
            said += ("" if said.endswith("。") else " ") + bar.label.text()   # no space after a full-width stop
        bar.show_message(said, info=True)
        return True


def _write_text(path: str, text: str) -> None:
    with atomic_file(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def edit_menu(window: QMainWindow, actions: WindowActions, training_menu: QMenu) -> QMenu:
    """The Edit menu (Copy Setup, Paste Setup), placed before Training as menus usually are; and
    Open Recipe… and Save Recipe… in the File menu, after the checkpoint commands."""
    menu = QMenu(_tr("&Edit"), window)
    menu.addAction(actions.copy_setup)
    menu.addAction(actions.paste_setup)
    window.menuBar().insertMenu(training_menu.menuAction(), menu)
    file_menu = actions.open_checkpoint.associatedObjects()
    file_menu = next(m for m in file_menu if isinstance(m, QMenu))
    after = file_menu.actions()[file_menu.actions().index(actions.save_checkpoint) + 1]
    file_menu.insertActions(after, [actions.open_recipe, actions.save_recipe])
    return menu
