"""Every command of the main window as a QAction with its standard shortcut; the menus and the
toolbar are both built from these, so a command and its shortcut exist exactly once."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from ganstudio.core.scenarios import SCENARIOS
from ganstudio.gui import scenario_words
from ganstudio.gui.translations import tr as _tr


class WindowActions(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        style = window.style()

        def make(text, shortcut=None, icon=None, tip=None) -> QAction:
            action = QAction(text, window)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            if icon is not None:
                action.setIcon(style.standardIcon(icon))
            if tip:
                action.setStatusTip(tip)
                action.setToolTip(tip)
            window.addAction(action)   # shortcuts work even when menus and toolbar are hidden
            return action

        sp = QStyle.StandardPixmap
        self.open_checkpoint = make(_tr("&Open Checkpoint…"), QKeySequence.StandardKey.Open,
                                    sp.SP_DialogOpenButton, _tr("Continue from a saved checkpoint"))
        self.save_checkpoint = make(_tr("&Save Checkpoint…"), QKeySequence.StandardKey.Save,
                                    sp.SP_DialogSaveButton, _tr("Save weights, optimizer state and history"))
        self.export_grid = make(_tr("&Export Grid as PNG…"), "Ctrl+E", None,
                                _tr("Save the 10×10 grid of generated digits as an image"))
        self.export_metrics = make(_tr("Export &Metrics as CSV…"), "Ctrl+Shift+E", None,
                                   _tr("Save every logged iteration's numbers as CSV"))
        self.open_data_file = make(_tr("Open Dataset &File…"), None, None,
                                   _tr("IDX (gzip or raw), mnist.npz or mnist_uint8.mat"))
        self.open_data_folder = make(_tr("Open Dataset F&older…"), None, None,
                                     _tr("A folder of digit images, optionally one sub-folder per class"))
        self.quit = make(_tr("&Quit"))
        # The platform's Quit keys; Windows (and Qt's offscreen platform) have none: Ctrl+Q.
        self.quit.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
                               or [QKeySequence("Ctrl+Q")])
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.start_pause = make(_tr("Start"), Qt.Key.Key_Space, sp.SP_MediaPlay,
                                _tr("Start or pause training (Space)"))
        self.step = make(_tr("Step"), Qt.Key.Key_Right, sp.SP_MediaSkipForward,
                         _tr("Run exactly one iteration, then pause (→)"))
        self.step_stage = make(_tr("Step Stage"), "Shift+Right", sp.SP_MediaSeekForward,
                               _tr("Run one stage of the iteration, then pause (Shift+→)"))
        self.reset = make(_tr("Reset"), "Ctrl+R", sp.SP_BrowserReload,
                          _tr("New networks from the current settings (Ctrl+R)"))

        self.theme_group = QActionGroup(window)
        self.dark_theme = make(_tr("&Dark Theme"))
        self.light_theme = make(_tr("&Light Theme"))
        for action in (self.dark_theme, self.light_theme):
            action.setCheckable(True)
            self.theme_group.addAction(action)
        self.restore_layout = make(_tr("Restore Default &Layout"))

        self.about = make(_tr("&About GAN Studio"), QKeySequence.StandardKey.HelpContents)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt = make(_tr("About &Qt"))
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)

        # Scenarios (gui/window/scenario_choice.py): one action each, keys 1–9 in their order.
        # A plain digit key reaches the action unless a text field takes it (it types there).
        self.scenarios = [make(scenario_words.title(s), str(i + 1) if i < 9 else None, None,
                               _tr("{caption} Watch {what}.").format(
                                   caption=scenario_words.caption(s), what=scenario_words.look_at(s)))
                          for i, s in enumerate(SCENARIOS)]

    def show_running(self, running: bool) -> None:
        """The one Start/Pause action changes its face rather than swapping actions."""
        style = self.parent().style()
        pixmap = QStyle.StandardPixmap.SP_MediaPause if running else QStyle.StandardPixmap.SP_MediaPlay
        self.start_pause.setText(_tr("Pause") if running else _tr("Start"))
        self.start_pause.setIcon(style.standardIcon(pixmap))
