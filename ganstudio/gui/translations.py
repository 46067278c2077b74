"""Loads a translation of the window for the user's language when one is installed
(ganstudio/gui/translations/ganstudio_<locale>.qm, e.g. ganstudio_zh_CN.qm), and `tr` for the
code that has no QObject to call self.tr on. How to make or update a translation:
docs/translating.md."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"


def install_translations(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Qt's own strings (dialog buttons) and ours; returns the installed translators, which
    must stay referenced while they are in use."""
    locale = locale or QLocale.system()
    installed = []
    for name, folder in (("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                         ("ganstudio", str(TRANSLATIONS_DIR))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def tr(text: str) -> str:
    """`text` in the user's language. Import it as `_tr`: pyside6-lupdate, run with
    -tr-function-alias tr+=_tr, collects the strings of `_tr(...)` calls under the empty
    context, so that is the context looked up here."""
    return QCoreApplication.translate("", text)


def core_text(context: str, text: str) -> str:
    """A core text marked with QT_TRANSLATE_NOOP(context, text) (ganstudio/core/translatable.py),
    in the user's language."""
    return QCoreApplication.translate(context, text)
