"""Comparisons: two scenarios (or a scenario and a variant of it) trained side by side in compare
mode, one key each in the window's Scenarios menu, after the scenarios' own keys. Like the
scenarios, their English texts are marked for translation (context "ScenarioCaption")."""

from __future__ import annotations

from dataclasses import dataclass, field

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.scenarios import get_scenario
from ganstudio.core.config.settings import GANConfig
from ganstudio.core.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Side:
    label: str                  # the run's short name: over its grid and in the plot's key
    scenario: str
    overrides: dict = field(default_factory=dict, hash=False)

    def config(self) -> GANConfig:
        config = get_scenario(self.scenario).config()
        return with_overrides(config, self.overrides) if self.overrides else config

    @property
    def speed(self) -> float | None:
        return get_scenario(self.scenario).speed


@dataclass(frozen=True)
class Comparison:
    name: str
    title: str                  # the menu's words
    caption: str                # the one line over the two runs
    left: Side
    right: Side


COMPARISONS: tuple[Comparison, ...] = (
    Comparison(
        name="then-vs-now",
        title=QT_TRANSLATE_NOOP("ScenarioCaption", "Then vs now (compare)"),
        caption=QT_TRANSLATE_NOOP("ScenarioCaption", "The 2014 demo beside today's recipe, on the same digits: one "
                "blob shape against every kind of digit."),
        left=Side(QT_TRANSLATE_NOOP("ScenarioCaption", "2014 demo"), "classic"),
        right=Side(QT_TRANSLATE_NOOP("ScenarioCaption", "today's recipe"), "digits"),
    ),
    Comparison(
        name="clusters",
        title=QT_TRANSLATE_NOOP("ScenarioCaption", "With and without clusters (compare)"),
        caption=QT_TRANSLATE_NOOP("ScenarioCaption", "Today's recipe with and without being told the look-alike "
                "clusters: the same noise vectors, distinct digits against blends."),
        left=Side(QT_TRANSLATE_NOOP("ScenarioCaption", "with clusters"), "digits"),
        right=Side(QT_TRANSLATE_NOOP("ScenarioCaption", "without clusters"), "digits", {"clusters": 0}),
    ),
)
