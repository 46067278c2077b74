"""Every word the window shows goes through Qt's translation (a Simplified Chinese translation
is planned): under a pseudo-translator that brackets each string it is asked for, every visible
text must come out bracketed, except the names the window shows on purpose as they are."""

from __future__ import annotations

import re

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDockWidget, QLabel, QWidget

from ganstudio.core.config import CHOICES, PRESETS, config_keys
from test_gui_support import make_window, settings  # noqa: F401 (fixtures)

NUMBERS = re.compile(r"[\d\s.,:%/·()+\-–—e×x→]*")


class BracketingTranslator(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{source}»"

    def isEmpty(self):  # noqa: N802
        return False


@pytest.fixture
def pseudo_translated():
    app = QApplication.instance()
    translator = BracketingTranslator(app)
    app.installTranslator(translator)
    yield
    app.removeTranslator(translator)


def _shown_as_they_are() -> set[str]:
    """Settings' own names (what the command line and the docs call them), their values,
    preset names, the data's name, and the ✕ of a close button (it has a translated tooltip)."""
    values = {value for choices in CHOICES.values() for value in choices}
    return set(config_keys()) | values | set(PRESETS) | {"MNIST (bundled, 600)", "✕"}


def _texts(window) -> list[tuple[str, str]]:
    found = [("window title", window.windowTitle())]
    for widget in window.findChildren(QWidget):
        kind = type(widget).__name__
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append((kind, widget.text()))
        if isinstance(widget, QDockWidget):
            found.append((kind, widget.windowTitle()))
        if isinstance(widget, QComboBox):
            found += [(kind + " item", widget.itemText(i)) for i in range(widget.count())]
        found.append((kind + " tooltip", widget.toolTip()))
        if isinstance(widget, pg.PlotWidget):
            item = widget.getPlotItem()
            found += [("plot title", item.titleLabel.text)]
            found += [("axis", item.getAxis(side).labelText) for side in ("left", "bottom")]
    for action in window.findChildren(QAction):
        found += [("action", action.text()), ("action tooltip", action.toolTip())]
    return found


def test_every_text_the_window_shows_is_translated(pseudo_translated, make_window, qtbot):
    window = make_window()
    window.actions.step.trigger()                   # fill the status bar and the quality panel
    qtbot.waitUntil(lambda: window.controller.last_progress is not None, timeout=10_000)
    texts = _texts(window)
    assert len(texts) > 150                          # the walk really saw the window
    keep = _shown_as_they_are()
    untranslated = sorted({(where, text.strip()) for where, text in texts
                           if text and text.strip() and "«" not in text and text.strip() not in keep
                           and not NUMBERS.fullmatch(text.strip())})
    assert untranslated == []


def test_every_setting_has_a_translated_explanation(pseudo_translated):
    from ganstudio.gui.setting_help import documented_keys, setting_help

    assert documented_keys() == set(config_keys())
    assert all(setting_help(key).startswith("«") for key in config_keys())
