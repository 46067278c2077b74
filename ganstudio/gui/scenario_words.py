"""The scenarios' words in the user's language. The core keeps them in English
(core/scenarios.py, what the command line prints); lupdate reads only literal text, so this table
repeats them, marked for translation, and a test keeps the two equal."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ScenarioCaption"   # the caption widget's class: its strings share one context

# name: (title, caption, what to look at) — the same English as core/scenarios.py.
_WORDS = {
    "classic": (
        QT_TRANSLATE_NOOP("ScenarioCaption", "The classic 2014 algorithm"),
        QT_TRANSLATE_NOOP("ScenarioCaption", "The 2014 MATLAB demo, step by step: D soon wins, and G ends up drawing one blob shape a hundred times."),
        QT_TRANSLATE_NOOP("ScenarioCaption", "the digit grid and \"What is G drawing?\""),
    ),
    "digits": (
        QT_TRANSLATE_NOOP("ScenarioCaption", "Digits in seconds"),
        QT_TRANSLATE_NOOP("ScenarioCaption", "Today's recipe on a laptop CPU: recognisable digits of every kind within seconds."),
        QT_TRANSLATE_NOOP("ScenarioCaption", "the digit grid filling with all ten digits"),
    ),
    "collapse": (
        QT_TRANSLATE_NOOP("ScenarioCaption", "Mode collapse"),
        QT_TRANSLATE_NOOP("ScenarioCaption", "G learns 100 times faster than D: it finds a digit that fools D and draws little else."),
        QT_TRANSLATE_NOOP("ScenarioCaption", "\"What is G drawing?\" shrinking to one or two bars"),
    ),
    "lr-too-high": (
        QT_TRANSLATE_NOOP("ScenarioCaption", "Learning rate too high"),
        QT_TRANSLATE_NOOP("ScenarioCaption", "Learning rates seven times too high: training runs away, and GAN Studio pauses and goes back to a good model."),
        QT_TRANSLATE_NOOP("ScenarioCaption", "the loss curves, then the message above the digits"),
    ),
    "strong-d": (
        QT_TRANSLATE_NOOP("ScenarioCaption", "Discriminator too strong"),
        QT_TRANSLATE_NOOP("ScenarioCaption", "D learns 25 times faster than G: D(real) goes to 1, D(fake) to 0, and G's loss keeps climbing."),
        QT_TRANSLATE_NOOP("ScenarioCaption", "the equilibrium plot and the loss curves"),
    ),
    "stopping-rule": (
        QT_TRANSLATE_NOOP("ScenarioCaption", "The flawed stopping rule"),
        QT_TRANSLATE_NOOP("ScenarioCaption", "The 2014 rule stops when D's rounded outputs average 0.5: here, when D tells almost every fake apart."),
        QT_TRANSLATE_NOOP("ScenarioCaption", "the equilibrium plot and the status bar's reason for stopping"),
    ),
}


def english(scenario) -> tuple[str, str, str]:
    """The table's English for `scenario` (the test compares it with the core's)."""
    return _WORDS[scenario.name]


def title(scenario) -> str:
    return QCoreApplication.translate(CONTEXT, _WORDS[scenario.name][0])


def caption(scenario) -> str:
    return QCoreApplication.translate(CONTEXT, _WORDS[scenario.name][1])


def look_at(scenario) -> str:
    return QCoreApplication.translate(CONTEXT, _WORDS[scenario.name][2])
