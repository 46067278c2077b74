"""The window's frame: the central area, the preset chooser, the menus and the toolbar (both
built from WindowActions), the docks, and the default layout Restore Default Layout brings back."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ganstudio.core.config.ladder import LADDER, ladder_rung
from ganstudio.core.config.presets import PRESETS
from ganstudio.gui.panels.preset_chooser import PresetChooser
from ganstudio.gui.translations import core_text
from ganstudio.gui.translations import tr as _tr
from ganstudio.gui.window.ladder_caption import translate as translate_ladder


def central_area(message_bar: QWidget, view: QWidget) -> QWidget:
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(message_bar)
    layout.addWidget(view, 1)
    # Focus starts on the plain centre, not in a text field, so Space and → reach
    # Start and Step rather than typing a space or moving a cursor.
    central.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return central


def centre_tabs(training_view: QWidget, step_through: QWidget, compare: QWidget) -> QTabWidget:
    """The live training views, the step-through beside them (issue 14) and compare mode
    (issue 22): a tab gets the whole centre, which the diagram and the two runs need at
    1024x768 and keep in presenter mode. The training views come first."""
    tabs = _CentreTabs()
    tabs.setObjectName("CentreTabs")
    tabs.setDocumentMode(True)
    tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)   # ← and → stay Step's keys
    tabs.addTab(training_view, _tr("Training"))
    tabs.addTab(step_through, _tr("Step-through"))
    tabs.addTab(compare, _tr("Compare"))
    size_by_current_page(tabs)
    return tabs


class _CentreTabs(QTabWidget):
    """Presenter mode hides the tab bar; Qt's least size still counted it (57 px at 300 %)."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        if self.tabBar().isHidden():
            hint.setHeight(hint.height() - self.tabBar().minimumSizeHint().height())
        return hint


def size_by_current_page(tabs: QTabWidget) -> None:
    """Only the shown page's least size counts, from now on: the step-through's diagram,
    hidden behind the training views, held the window taller than a 1024x768 screen in large
    type."""
    def follow(_index: int = 0) -> None:
        for index in range(tabs.count()):
            page = tabs.widget(index)
            policy = QSizePolicy.Policy.Preferred if index == tabs.currentIndex() else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)

    tabs.currentChanged.connect(follow)
    follow()


def preset_chooser() -> PresetChooser:
    box = PresetChooser()
    for name, config in PRESETS.items():
        if ladder_rung(name) is None:
            box.add_preset(name, core_text("Presets", config.description))
    # The ladder's rungs last, in order, under a heading that cannot be chosen.
    box.insertSeparator(box.count())
    box.addItem(_tr("Ladder, one change each:"))
    box.model().item(box.count() - 1).setEnabled(False)
    for rung in LADDER:
        box.add_preset(rung.preset, translate_ladder(rung.why))
    return box


def show_preset(box: QComboBox, name: str) -> None:
    """Shows `name` in the preset chooser without applying it (a custom configuration
    leaves the chooser as it is)."""
    index = box.findData(name)
    if index >= 0:
        box.blockSignals(True)
        box.setCurrentIndex(index)
        box.blockSignals(False)


def build_menus(window: QMainWindow, a) -> tuple[QMenu, QMenu]:
    """The menu bar; returns the Training and View menus, which the docks extend."""
    menus = (
        (_tr("&File"), (a.open_checkpoint, a.save_checkpoint, None, a.export_grid,
                        a.export_metrics, a.export_model, a.export_timeline_gif, a.export_timeline_sheet, None,
                        a.open_data_file, a.open_data_folder, None, a.quit)),
        (_tr("&Training"), (a.start_pause, a.step, a.step_stage, None, a.reset, a.undo, a.redo)),
        (_tr("&View"), (a.presenter, None, a.zoom_in, a.zoom_out, a.zoom_reset, None,
                        a.system_theme, a.dark_theme, a.light_theme, None, a.restore_layout)),
        (_tr("&Help"), (a.help, a.cheat_sheet, a.single_keys, None, a.about, a.about_qt)),
    )
    built = []
    for title, actions in menus:
        menu = window.menuBar().addMenu(title)
        for action in actions:
            menu.addSeparator() if action is None else menu.addAction(action)
        built.append(menu)
    # The menus as made, not found again through the bar's actions: PySide6 6.5's
    # QAction.menu() gave a wrapper whose C++ menu counted as deleted.
    return built[1], built[2]


def build_toolbar(window: QMainWindow, a, preset_box: QComboBox, speed: QWidget) -> QToolBar:
    bar = QToolBar(_tr("Training"))
    bar.setObjectName("TrainingToolBar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.setMovable(False)
    for action in (a.start_pause, a.step, a.step_stage, a.reset):
        bar.addAction(action)
    bar.addSeparator()
    bar.addWidget(QLabel(_tr(" Preset ")))
    bar.addWidget(preset_box)
    bar.addSeparator()
    bar.addWidget(QLabel(_tr(" Speed ")))
    bar.addWidget(speed)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar


def _padded(widget: QWidget, stretch: bool) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(widget)
    if stretch:
        layout.addStretch(1)
    return box


class Docks:
    """Data, Settings and Stages on the left, Quality on the right, each listed in the View
    menu; remembers the layout of the first show as the default."""

    def __init__(self, window: QMainWindow, view_menu: QMenu, data_panel: QWidget,
                 hyperparameters: QWidget, stages: QWidget, quality_panel: QWidget) -> None:
        self._window, self._view_menu = window, view_menu
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        self.data = self._dock(_tr("Data"), "DataDock", _padded(data_panel, True), left)
        self.settings = self._dock(_tr("Settings"), "SettingsDock",
                                   _padded(hyperparameters, False), left)
        self.stages = self._dock(_tr("Stages"), "StageDock", stages, left)
        self.quality = self._dock(_tr("Quality"), "QualityDock", quality_panel,
                                  Qt.DockWidgetArea.RightDockWidgetArea)
        self._default_state = None   # taken once the window has its size (first show)

    def add(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        """Another dock on the right, a tab beside Quality (so small screens keep their room)."""
        dock = self._dock(title, name, widget, Qt.DockWidgetArea.RightDockWidgetArea)
        self._window.tabifyDockWidget(self.quality, dock)
        self.quality.raise_()
        return dock

    def _dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self._window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self._window.addDockWidget(area, dock)
        self._view_menu.insertAction(self._view_menu.actions()[0], dock.toggleViewAction())
        return dock

    def first_shown(self, layout_remembered: bool) -> None:
        """Call from the window's showEvent: the first show fixes the default layout."""
        if self._default_state is None:
            self._default_state = self._window.saveState()
            if not layout_remembered:
                self._default_sizes()

    def restore_default(self) -> None:
        self._window.restoreState(self._default_state)
        self._default_sizes()

    def _default_sizes(self) -> None:
        """Side panels narrow enough that the digits and plots get most of a 1366-wide screen."""
        self._window.resizeDocks([self.data, self.quality], [270, 270], Qt.Orientation.Horizontal)
        self._window.resizeDocks([self.data, self.settings, self.stages], [190, 260, 170],
                                 Qt.Orientation.Vertical)
