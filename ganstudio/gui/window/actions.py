"""Every command of the main window as a QAction with its standard shortcut; the menus and the
toolbar are both built from these, so a command and its shortcut exist exactly once."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from ganstudio.core.config.comparisons import COMPARISONS
from ganstudio.core.config.scenarios import SCENARIOS
from ganstudio.gui.translations import core_text
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
        # Undo and Redo (gui/window/session_undo.py): a replaced session comes back.
        self.undo = make(_tr("&Undo"), QKeySequence.StandardKey.Undo, None,
                         _tr("Bring back the session that was replaced"))
        self.redo = make(_tr("&Redo"), QKeySequence.StandardKey.Redo, None,
                         _tr("Go forward again to the session that Undo replaced"))
        for action in (self.undo, self.redo):
            action.setEnabled(False)   # until something can be undone
        # Sharing a setup (gui/window/setup_sharing.py): one line for chat and email, or a
        # recipe file. Ctrl+Shift+C/V: Ctrl+C/V stay the text fields' own copy and paste.
        self.copy_setup = make(_tr("&Copy Setup"), "Ctrl+Shift+C", None,
                               _tr("Put this setup on the clipboard as one line, for a chat or an email"))
        self.paste_setup = make(_tr("&Paste Setup"), "Ctrl+Shift+V", None,
                                _tr("Train the setup on the clipboard: a new session, as Reset makes"))
        self.open_recipe = make(_tr("Open &Recipe…"), None, None,
                                _tr("Train a shared setup again (a run folder's recipe.toml)"))
        self.save_recipe = make(_tr("Save Reci&pe…"), None, None,
                                _tr("Save this setup as a recipe file"))
        # The map of digit space (gui/window/digit_map_window.py), in a window of its own.
        self.digit_map = make(_tr("&Map of Digit Space"), None, None,
                              _tr("Real digits, G's fakes and where G's loss pushes each one, on a fixed plane"))

        self.theme_group = QActionGroup(window)
        self.dark_theme = make(_tr("&Dark Theme"))
        self.light_theme = make(_tr("&Light Theme"))
        for action in (self.dark_theme, self.light_theme):
            action.setCheckable(True)
            self.theme_group.addAction(action)
        self.restore_layout = make(_tr("Restore Default &Layout"))

        self.about = make(_tr("&About GAN Studio"))   # F1 is Help (below)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt = make(_tr("About &Qt"))
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)

        # Model export (issue 15): ONNX, safetensors or a PyTorch folder.
        self.export_model = make(_tr("Export &Model…"), None, None,
                                 _tr("Save the generator and discriminator as ONNX, safetensors or PyTorch code"))
        # Timeline (gui/window/timeline_control.py): the grid as training went, to take home.
        self.export_timeline_gif = make(_tr("Export &Timeline as GIF…"), None, None,
                                        _tr("Save the kept grids as an animation, each with its iteration"))
        self.export_timeline_sheet = make(_tr("Export Timeline as &Contact Sheet PNG…"), None, None,
                                          _tr("Save up to 20 kept grids side by side, each with its iteration"))
        # Presenter mode, zoom and the system theme (issue 13: gui/window/presenter.py, gui/zoom.py).
        self.presenter = make(_tr("&Presenter Mode"), "F11", None,
                              _tr("Full screen, large type, the digits and the equilibrium plot (F11)"))
        self.presenter.setCheckable(True)
        self.leave_presenter = make(_tr("Leave Presenter Mode"), Qt.Key.Key_Escape)
        self.leave_presenter.setEnabled(False)   # Esc is the window's only while presenting
        self.leave_presenter.setVisible(False)
        self.zoom_in = make(_tr("Zoom &In"), None, None, _tr("Larger text and lines (Ctrl++); in presenter mode, past the largest type, the digits alone"))
        self.zoom_in.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn),
                                   QKeySequence("Ctrl+=")])
        self.zoom_out = make(_tr("Zoom &Out"), QKeySequence.StandardKey.ZoomOut, None,
                             _tr("Smaller text and lines (Ctrl+-)"))
        self.zoom_reset = make(_tr("&Actual Size"), "Ctrl+0", None,
                               _tr("The mode's usual size (Ctrl+0)"))
        self.system_theme = make(_tr("&System Theme"), None, None,
                                 _tr("Light or dark, as the desktop is"))
        self.system_theme.setCheckable(True)
        self.theme_group.addAction(self.system_theme)
        # Keys and help (issue 13; gui/window/key_routing.py, panels/cheat_sheet.py,
        # panels/help_page.py): `?` shows every key, F1 the help page, R resets as Ctrl+R does,
        # and `routed` lists the keys that work even when a settings field has focus.
        self.cheat_sheet = make(_tr("&Keyboard Shortcuts"), "?", None,
                                _tr("Every key of the window (? or Esc closes it)"))
        self.help = make(_tr("GAN Studio &Help"), "F1", None,
                         _tr("The keys, and what each part of the window shows"))
        self.reset.setShortcuts([QKeySequence("Ctrl+R"), QKeySequence("R")])
        self.single_keys = make(_tr("&Single-Key Shortcuts"), None, None,
                                _tr("R, C, 1–9 and ? act without Ctrl; turn them off if they get in your way"))
        self.start_pause.setWhatsThis(_tr("Start or pause training"))   # its text flips
        self.routed = (self.start_pause, self.step, self.step_stage, self.reset, self.cheat_sheet)
        # Scenarios (gui/window/scenario_choice.py): one action each, keys 1–9 in their order.
        # A plain digit key reaches the action unless a text field takes it (it types there).
        self.scenarios = [make(core_text("ScenarioCaption", s.title), str(i + 1) if i < 9 else None, None,
                               _tr("{caption} Watch {what}.").format(
                                   caption=core_text("ScenarioCaption", s.caption), what=core_text("ScenarioCaption", s.look_at)))
                          for i, s in enumerate(SCENARIOS)]
        # Compare mode (gui/window/compare_mode.py): two runs side by side. C opens and closes
        # it; each comparison has the next digit key after the scenarios' ("then vs now": 7).
        self.compare = make(_tr("&Compare Two Runs"), "C", None,
                            _tr("Two setups trained at once, side by side, on the same noise (C)"))
        self.compare.setCheckable(True)
        first = len(SCENARIOS) + 1
        self.comparisons = [make(core_text("ScenarioCaption", c.title), str(first + i) if first + i <= 9 else None,
                                 None, core_text("ScenarioCaption", c.caption))
                            for i, c in enumerate(COMPARISONS)]

    def show_running(self, running: bool) -> None:
        """The one Start/Pause action changes its face rather than swapping actions."""
        style = self.parent().style()
        pixmap = QStyle.StandardPixmap.SP_MediaPause if running else QStyle.StandardPixmap.SP_MediaPlay
        self.start_pause.setText(_tr("Pause") if running else _tr("Start"))
        self.start_pause.setIcon(style.standardIcon(pixmap))
