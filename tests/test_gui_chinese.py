"""The Simplified Chinese translation that ships: its compiled .qm is the one its .ts gives, each
translation keeps what the code fills in or Qt reads (placeholders, tags, the accelerator), and
the window really comes up in Chinese with it."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDockWidget

from ganstudio.gui import translations

TS = translations.TRANSLATIONS_DIR / "ganstudio_zh_CN.ts"
QM = TS.with_suffix(".qm")

FIELDS = re.compile(r"\{[^{}]*\}|%n|%\d")     # .format() fields and Qt's %n, %1
TAGS = re.compile(r"<[^<>]+>")
ACCELERATOR = re.compile(r"&(?!&)(\w)")       # "&File" -> F ("&&" is a literal &)


def _finished() -> list[tuple[str, str, str]]:
    """(context, source, translation) of every translated message."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") == "unfinished":
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            for text in forms or [translation.text or ""]:
                found.append((context.findtext("name") or "", message.findtext("source"), text))
    return found


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    """The app loads the .qm, translators edit the .ts: after changing the .ts, run
    pyside6-lrelease (docs/translating.md) and commit both."""
    lrelease = shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert QM.is_file(), "ganstudio_zh_CN.qm is missing: run pyside6-lrelease on the .ts"
    assert fresh.read_bytes() == QM.read_bytes(), "the .qm is stale: run pyside6-lrelease on the .ts"


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
