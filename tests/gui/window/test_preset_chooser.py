"""The preset chooser a newcomer can use: every preset and ladder rung says what it is, a choice
made after a run applies on the next Space, and Space starts or pauses even with the chooser
focused (issue 20)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import PRESETS
from ganstudio.gui.training.controller import State

from support.gui import TINY_CONFIG


def _preset_rows(box):
    return [i for i in range(box.count()) if box.itemData(i) in PRESETS]


def test_every_preset_and_rung_has_a_short_description_and_a_tooltip(make_window):
    box = make_window().preset_box
    rows = _preset_rows(box)
    assert {box.itemData(i) for i in rows} == set(PRESETS)
    for i in rows:
        name, text = box.itemData(i), box.itemText(i)
        tooltip = box.itemData(i, Qt.ItemDataRole.ToolTipRole)
        assert text.startswith(name) and len(text) > len(name) + 5, text   # name — what it is
        assert tooltip and len(tooltip) >= len(text) - len(name), name
        assert "\n" not in text


def test_the_closed_chooser_shows_the_name_only(make_window):
    box = make_window().preset_box
    assert box.displayed_text() == box.currentData()


def test_a_preset_chosen_after_a_run_starts_with_the_next_space(make_window, qtbot):
    window = make_window(config=with_overrides(TINY_CONFIG, {"iterations": 3}))
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: window.controller.state is State.FINISHED, timeout=20_000)
    box = window.preset_box
    box.setCurrentIndex(box.findData("seed"))
    assert window.controller.session.config.name != "seed"   # a finished run is not replaced yet
    assert window.status.pending.isVisible() and "Space" in window.status.pending.text()
    assert window.actions.start_pause.isEnabled()
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Space)
    assert window.controller.session.config.name == "seed"
    qtbot.waitUntil(lambda: window.controller.state in (State.RUNNING, State.FINISHED), timeout=5_000)
    window.controller.pause()


def test_space_with_the_chooser_focused_starts_and_pauses(make_window, qtbot):
    window = make_window()
    box = window.preset_box
    with qtbot.waitActive(window):
        window.activateWindow()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert window.controller.state is State.RUNNING
    assert not box.view().isVisible()   # the list did not open
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert window.controller.state is State.PAUSED


def test_the_kept_size_hints_follow_new_names_and_a_new_font(qtbot):
    from ganstudio.gui.panels.preset_chooser import PresetChooser

    box = PresetChooser()
    qtbot.addWidget(box)
    box.add_preset("ab", "short: details")
    narrow = box.sizeHint().width()
    assert box.sizeHint().width() == narrow   # kept
    box.add_preset("a-much-longer-name", "short: details")
    wider = box.sizeHint().width()
    assert wider > narrow and box.minimumSizeHint().width() > narrow
    font = box.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    box.setFont(font)
    assert box.sizeHint().width() > wider
    box.setItemData(1, "x", Qt.ItemDataRole.UserRole)   # renamed: measured again
    assert box.sizeHint().width() < wider
