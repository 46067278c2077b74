"""The dark and light looks: a Qt palette for the widgets plus colours for the plots; "system"
follows the desktop's light or dark setting.

The curves' colours are from the Okabe-Ito palette, chosen to stay distinct for the common
forms of colour blindness: M. Okabe and K. Ito, "Color Universal Design (CUD): how to make
figures and presentations that are friendly to colorblind people" (2002/2008),
https://jfly.uni-koeln.de/color/ . D(real) is blue and D(fake) orange/vermillion, a pair that
differs in lightness as well as hue; the rounded mean is bluish green, drawn dotted."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    base: str
    alternate_base: str
    text: str
    disabled_text: str
    button: str
    highlight: str
    highlighted_text: str
    plot_background: str
    plot_foreground: str
    real_color: str      # D(real) and real-digit histogram
    fake_color: str      # D(fake) and fake histogram
    mean_color: str      # the original rule's rounded mean
    reference_color: str  # the 0.5 line and its band
    message_background: str
    # Compare mode's two runs (gui/views/paired_plot.py): Okabe-Ito's blue and orange pair,
    # apart in lightness as well as hue; there the line's style, not its colour, says real or fake.
    run_colors: tuple[str, str]


DARK = Theme(
    name="dark", window="#20242b", base="#171a1f", alternate_base="#262b33", text="#e6e8eb",
    disabled_text="#7a808a", button="#2b3038", highlight="#3d7be0", highlighted_text="#ffffff",
    plot_background="#171a1f", plot_foreground="#c9ccd1",
    # Okabe-Ito sky blue, orange, bluish green: the lighter ones, for a dark background.
    real_color="#56b4e9", fake_color="#e69f00", mean_color="#009e73", reference_color="#9e9e9e",
    message_background="#5c2b2b", run_colors=("#56b4e9", "#e69f00"),
)

LIGHT = Theme(
    name="light", window="#f3f4f6", base="#ffffff", alternate_base="#eceef1", text="#1d2125",
    disabled_text="#9aa0a6", button="#e6e8eb", highlight="#2f6fd6", highlighted_text="#ffffff",
    plot_background="#ffffff", plot_foreground="#30343a",
    # Okabe-Ito blue, vermillion, bluish green: the darker ones, for a white background.
    real_color="#0072b2", fake_color="#d55e00", mean_color="#009e73", reference_color="#616161",
    message_background="#f8d7da", run_colors=("#0072b2", "#d55e00"),
)

THEMES = {DARK.name: DARK, LIGHT.name: LIGHT}
SYSTEM = "system"   # the setting that follows the desktop (the default)


def system_scheme() -> Qt.ColorScheme:
    """The desktop's light or dark preference (Qt >= 6.5; Unknown where it cannot tell)."""
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown


def theme_named(name: str) -> Theme:
    """The theme a setting names; "system" (or anything unknown) follows the desktop, and dark,
    the app's look so far, where the desktop does not say."""
    if name in THEMES:
        return THEMES[name]
    return LIGHT if system_scheme() == Qt.ColorScheme.Light else DARK


def apply_palette(app: QApplication, theme: Theme) -> None:
    """Fusion draws the same on every platform and honours the whole palette."""
    app.setStyle("Fusion")
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.base,
        QPalette.ColorRole.AlternateBase: theme.alternate_base,
        QPalette.ColorRole.ToolTipBase: theme.base,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.disabled_text,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.button,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.BrightText: "#ff5252",
        QPalette.ColorRole.Highlight: theme.highlight,
        QPalette.ColorRole.HighlightedText: theme.highlighted_text,
        QPalette.ColorRole.Link: theme.highlight,
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.disabled_text))
    app.setPalette(palette)
