"""The settings' words in the user's language: labels, groups, explanations and the words for
values, all kept in ganstudio/core/config/setting_info.py (marked there for lupdate, context
"SettingHelp"); this translates them where the window shows them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ganstudio.core.config import setting_info
from ganstudio.gui.translations import core_text


def translate(text: str) -> str:
    return core_text("SettingHelp", text)


def setting_label(key: str) -> str:
    return translate(setting_info.info(key).label)


def group_title(group: str) -> str:
    return translate(setting_info.GROUPS[group])


def value_words(key: str, value) -> str:
    return setting_info.value_words(key, value, translate)


def setting_help(key: str) -> str:
    """What `key` does, in the user's language, and how to set it from the command line."""
    return (translate(setting_info.info(key).help) + "\n"
            + QCoreApplication.translate("SettingHelp", "Command line: --set {key}=…").format(key=key))


def documented_keys() -> set[str]:
    return set(setting_info.SETTINGS)
