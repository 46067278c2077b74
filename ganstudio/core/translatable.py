"""Marks English texts of the core for translation without importing Qt.

`QT_TRANSLATE_NOOP("Context", "text")` returns the text unchanged; it carries Qt's name so that
pyside6-lupdate, which reads the source, collects the text into the window's translation
template (docs/translating.md scans ganstudio/core too). Front ends translate it where they show
it: the window with `QCoreApplication.translate("Context", text)`, the command line not at all.
"""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


def untranslated(text: str) -> str:
    """The English text as it is: the command line's `translate`."""
    return text
