"""The Scenarios menu: each scenario's action and key set the run up (preset, settings, seed,
speed, all bundled digits), show its caption in the user's language and start training; a text
field keeps its digit keys; another new session takes the caption away."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from ganstudio.core.config.scenarios import SCENARIOS, get_scenario
from ganstudio.gui.panels.speed_control import SPEEDS
from ganstudio.gui.training.controller import State

# The windows here train on bundled_train, all the bundled digits: the classic scenarios draw 1,000
# real images an iteration.


def scenario_menu(window):
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    return menus["&Scenarios"]


def test_every_scenario_text_is_in_the_translation_template():
    """The core marks its scenario texts for lupdate; each must be in the template's context."""
    import xml.etree.ElementTree as ElementTree

    from ganstudio.gui.translations import TRANSLATIONS_DIR

    root = ElementTree.parse(TRANSLATIONS_DIR / "ganstudio_zh_CN.ts").getroot()
    sources = {m.findtext("source") for c in root.iter("context") if c.findtext("name") == "ScenarioCaption"
               for m in c.iter("message")}
    for scenario in SCENARIOS:
        assert {scenario.title, scenario.caption, scenario.look_at} <= sources


def test_every_scenario_speed_is_a_notch_of_the_speed_control():
    assert all(scenario.speed in SPEEDS for scenario in SCENARIOS)


def test_the_menu_holds_one_action_per_scenario_with_keys_1_to_9(make_window):
    window = make_window()
    actions = [a for a in scenario_menu(window).actions() if not a.isSeparator()]
    scenarios = actions[:len(SCENARIOS)]
    assert [a.text() for a in scenarios] == [s.title for s in SCENARIOS]
    assert [a.shortcut().toString() for a in scenarios] == [str(i + 1) for i in range(len(SCENARIOS))]
    # After them, compare mode's comparisons with the next keys, and compare mode itself.
    assert actions[len(SCENARIOS):] == [*window.actions.comparisons, window.actions.compare]
    assert [a.shortcut().toString() for a in window.actions.comparisons] == ["7", "8"]


@pytest.mark.parametrize("index", range(len(SCENARIOS)))
def test_choosing_a_scenario_sets_it_up_captions_it_and_starts(make_window, qtbot, bundled_train, index):
    scenario = SCENARIOS[index]
    window = make_window(dataset=bundled_train)
    window.speed.set_notch(0)
    window.data_panel.digit_filter.set_digits((3, 5))
    window.actions.scenarios[index].trigger()
    session = window.controller.session
    try:
        assert window.controller.state is State.RUNNING
        assert session.config == scenario.config() == window.hyperparameters.config()
        assert not window.hyperparameters.is_pending()
        assert window.preset_box.currentData() == scenario.preset
        assert SPEEDS[window.speed.notch] == scenario.speed
        assert window.data_panel.digit_filter.digits() is None
        assert window.caption.isVisible() and scenario.caption in window.caption.story.text()
    finally:
        window.controller.pause()


def test_a_number_key_chooses_a_scenario_unless_a_text_field_takes_it(make_window, qtbot, bundled_train):
    window = make_window(dataset=bundled_train)
    window.activateWindow()
    field = window.findChildren(QLineEdit)[0]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.clear()
    qtbot.keyClick(field, Qt.Key.Key_3)
    assert field.text() == "3" and window.controller.state is State.IDLE
    window.centralWidget().setFocus()
    qtbot.waitUntil(window.centralWidget().hasFocus)
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_6)
    try:
        assert window.caption.scenario is SCENARIOS[5]
        assert window.controller.state is State.RUNNING
    finally:
        window.controller.pause()


def test_reset_takes_the_caption_away(make_window, qtbot, bundled_train):
    window = make_window(dataset=bundled_train)
    window.actions.scenarios[0].trigger()
    window.controller.pause()
    assert window.caption.isVisible()
    window.actions.reset.trigger()
    assert not window.caption.isVisible()


def test_the_caption_is_translated(make_window, qtbot, monkeypatch):
    from PySide6.QtCore import QCoreApplication

    monkeypatch.setattr(QCoreApplication, "translate",
                        staticmethod(lambda context, text, *args: f"«{text}»"))
    scenario = get_scenario("collapse")
    window = make_window()
    window.caption.show_scenario(scenario)
    assert f"«{scenario.caption}»" in window.caption.story.text()
    assert f"«{scenario.title}»" in window.caption.story.text()
