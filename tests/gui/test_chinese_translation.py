"""The Simplified Chinese translation that ships: its compiled .qm says what its .ts says, each
translation keeps what the code fills in or Qt reads (placeholders, tags, the accelerator), and
the window really comes up in Chinese with it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDockWidget

from ganstudio.gui import translations

TS = translations.TRANSLATIONS_DIR / "ganstudio_zh_CN.ts"
QM = TS.with_suffix(".qm")

FIELDS = re.compile(r"\{[^{}]*\}|%n|%\d")     # .format() fields and Qt's %n, %1
TAGS = re.compile(r"<[^<>]+>")
ACCELERATOR = re.compile(r"&(?!&)(\w)")       # "&File" -> F ("&&" is a literal &)


def _messages() -> list[tuple[str, str, bool, list[str]]]:
    """(context, source, finished, translations: one, or the numerus forms) of every message."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [form.text or "" for form in translation.iter("numerusform")]
            found.append((context.findtext("name") or "", message.findtext("source"),
                          translation.get("type") != "unfinished", forms or [translation.text or ""]))
    return found


def _finished() -> list[tuple[str, str, str]]:
    return [(context, source, text) for context, source, finished, texts in _messages()
            if finished for text in texts]


def test_the_shipped_qm_holds_what_the_ts_says():
    """The app loads the .qm, translators edit the .ts: after changing the .ts, run
    pyside6-lrelease (docs/translating.md) and commit both. Compared message by message, not
    byte by byte, so another lrelease version gives the same verdict."""
    assert QM.is_file(), "ganstudio_zh_CN.qm is missing: run pyside6-lrelease on the .ts"
    compiled = QTranslator()
    assert compiled.load(str(QM))
    stale = [(context, source, texts[0], compiled.translate(context, source, None, 1))
             for context, source, finished, texts in _messages()
             if compiled.translate(context, source, None, 1) != (texts[0] if finished else "")]
    assert stale == [], "the .qm is stale: run pyside6-lrelease on the .ts"


def test_each_translation_keeps_fields_tags_and_accelerator():
    """A lost {n} would raise in .format(), a lost & loses the menu's Alt key."""
    entries = _finished()
    assert len(entries) > 400
    wrong = []
    for context, source, text in entries:
        same = (sorted(FIELDS.findall(source)) == sorted(FIELDS.findall(text))
                and sorted(TAGS.findall(source)) == sorted(TAGS.findall(text))
                and [k.upper() for k in ACCELERATOR.findall(source)]
                == [k.upper() for k in ACCELERATOR.findall(text)]
                and text.strip() != "")
        if not same:
            wrong.append((context, source, text))
    assert wrong == []


def test_the_window_comes_up_in_chinese(make_window):
    app = QApplication.instance()
    installed = translations.install_translations(app, QLocale("zh_CN"))
    try:
        assert any(t.filePath().endswith("ganstudio_zh_CN.qm") for t in installed)
        window = make_window()
        menus = {action.text() for action in window.menuBar().actions()}
        assert {"文件(&F)", "训练(&T)", "视图(&V)", "帮助(&H)"} <= menus
        assert window.actions.start_pause.text() == "开始"
        docks = {dock.windowTitle() for dock in window.findChildren(QDockWidget)}
        assert {"数据", "设置", "阶段", "质量"} <= docks
        assert window.status.state.text().startswith("就绪")
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_the_about_box_comes_up_in_chinese(make_window):
    """Its headings were _tr calls inside f-strings, which lupdate does not read."""
    from ganstudio.gui.panels.about_dialog import AboutDialog

    app = QApplication.instance()
    installed = translations.install_translations(app, QLocale("zh_CN"))
    try:
        text = AboutDialog(make_window()).text.toPlainText()
        assert {"版本", "数据", "许可"} <= set(text.splitlines())
    finally:
        for translator in installed:
            app.removeTranslator(translator)
