"""Every word the window shows goes through Qt's translation (a Simplified Chinese translation
is planned): under a pseudo-translator that brackets each string it is asked for, every visible
text must come out bracketed, except the names the window shows on purpose as they are."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDockWidget, QLabel, QWidget

from ganstudio.core.config.limits import CHOICES
from ganstudio.core.config.overrides import config_keys
from ganstudio.core.config.presets import PRESETS

from support import REPO
from support.small_runs import SMALL_DATA_NAME

NUMBERS = re.compile(r"[\d\s.,:%/·()+\-–—e×x→]*")


GUI = REPO / "ganstudio" / "gui"
TEMPLATE = GUI / "translations" / "ganstudio_zh_CN.ts"
LUPDATE = [shutil.which("pyside6-lupdate") or "pyside6-lupdate", "-tr-function-alias",
           "tr+=_tr,QT_TRANSLATE_NOOP+=_N", "-no-obsolete", "-locations", "none"]  # docs/translating.md


class BracketingTranslator(QTranslator):
    """Brackets every string and remembers the (context, source) it was asked for."""
    asked: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        BracketingTranslator.asked.add((context or "", source))
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
    return set(config_keys()) | values | set(PRESETS) | {SMALL_DATA_NAME, "✕"}


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
        found.append((kind + " accessible name", widget.accessibleName()))
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
    # A screen reader can name the live views.
    named = {text for where, text in texts if where.endswith("accessible name") and text}
    assert {"«Generated digits»", "«Equilibrium»", "«Losses»", "«D's outputs»"} <= named
    keep = _shown_as_they_are()
    untranslated = sorted({(where, text.strip()) for where, text in texts
                           if text and text.strip() and "«" not in text and text.strip() not in keep
                           and not NUMBERS.fullmatch(text.strip())})
    assert untranslated == []


def test_every_setting_has_a_translated_explanation(pseudo_translated):
    from ganstudio.gui.panels.setting_help import documented_keys, setting_help

    assert documented_keys() == set(config_keys())
    assert all(setting_help(key).startswith("«") for key in config_keys())


def _our_contexts() -> set[str]:
    """"" (our _tr), the classes of ganstudio.gui (self.tr) and the contexts of the core's marked
    texts (the settings' words, the verdict), not Qt's or pyqtgraph's."""
    import importlib
    import inspect

    marked = re.compile(r'\b(?:QT_TRANSLATE_NOOP|_N)\(\s*"(\w*)"')
    names = {""} | {context for path in (GUI.parent / "core").rglob("*.py")
                    for context in marked.findall(path.read_text(encoding="utf-8"))}
    for path in GUI.rglob("*.py"):
        dotted = ".".join(path.relative_to(GUI).with_suffix("").parts)
        module = importlib.import_module(f"ganstudio.gui.{dotted}")
        names |= {name for name, obj in vars(module).items()
                  if inspect.isclass(obj) and obj.__module__ == module.__name__}
    return names


def _pairs(ts_file: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts_file).getroot()
    return {(context.findtext("name") or "", message.findtext("source"))
            for context in root.iter("context") for message in context.iter("message")}


def test_every_string_the_window_asks_for_is_in_the_translation_template(pseudo_translated,
                                                                          make_window, qtbot):
    """A string lupdate cannot see (say, a context in a variable) would stay English forever."""
    BracketingTranslator.asked.clear()
    window = make_window()
    window.actions.step.trigger()
    qtbot.waitUntil(lambda: window.controller.last_progress is not None, timeout=10_000)
    ours = {(c, s) for c, s in BracketingTranslator.asked if c in _our_contexts()}
    assert len(ours) > 100
    assert ours - _pairs(TEMPLATE) == set()


def test_the_translation_template_is_up_to_date(tmp_path):
    if shutil.which(LUPDATE[0]) is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(GUI.rglob("*.py")) + sorted((GUI.parent / "core").rglob("*.py"))  # core: marked texts
    subprocess.run(LUPDATE + [str(f) for f in sources] + ["-ts", str(fresh)],
                   check=True, capture_output=True)
    assert _pairs(fresh) == _pairs(TEMPLATE), "run the lupdate command in docs/translating.md"


def test_a_compiled_translation_reaches_both_kinds_of_string(tmp_path, monkeypatch, qtbot):
    """self.tr in a widget and _tr elsewhere both find their translation at run time."""
    lrelease = shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    tree = ET.parse(TEMPLATE)
    wanted = {("", "Equilibrium"): "均衡", ("TrainingView", "Real"): "真实"}
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            key = (context.findtext("name") or "", message.findtext("source"))
            if key in wanted:
                translation = message.find("translation")
                translation.text = wanted[key]
                translation.attrib.pop("type", None)
    tree.write(tmp_path / "ganstudio_zh_CN.ts", encoding="utf-8", xml_declaration=True)
    subprocess.run([lrelease, str(tmp_path / "ganstudio_zh_CN.ts")], check=True, capture_output=True)
    from PySide6.QtCore import QLocale

    from ganstudio.gui import translations
    from ganstudio.gui.theme import theme_named
    from ganstudio.gui.views.training_view import TrainingView

    monkeypatch.setattr(translations, "TRANSLATIONS_DIR", tmp_path)
    app = QApplication.instance()
    installed = translations.install_translations(app, QLocale("zh_CN"))
    try:
        assert installed, "the compiled translation did not load"
        view = TrainingView(theme_named("dark"))
        qtbot.addWidget(view)
        assert "均衡" in view.equilibrium.widget.getPlotItem().titleLabel.text
        assert any(label.text() == "真实" for label in view.findChildren(QLabel))
    finally:
        for translator in installed:
            app.removeTranslator(translator)
