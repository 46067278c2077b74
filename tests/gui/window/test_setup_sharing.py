"""Sharing a setup in the window (issue 22 part 3): Copy Setup puts the setup shown on the
clipboard as one line, Paste Setup (and Open Recipe…) makes it the session, and Ctrl+Z brings
back the session it replaced; a damaged or unusable recipe is one message and changes nothing."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.formats.recipe import Recipe

from support.gui import TINY_CONFIG, iterations_so_far

SHARED = with_overrides(TINY_CONFIG, {"lr_g": 0.0031, "seed": 9, "g_ema": 0.0, "iterations": 500})


def trained(window, qtbot, iterations: int = 5):
    for _ in range(iterations):
        before = iterations_so_far(window)
        window.actions.step.trigger()
        qtbot.waitUntil(lambda: iterations_so_far(window) > before, timeout=10_000)
    return window.controller.session


def state(window):
    """What the user has: the session object, the settings shown, the data and digits."""
    return (window.controller.session, window.hyperparameters.config(), window.data.spec,
            window.data.dataset, window.data.digits(), window.preset_box.currentData())


def message(window) -> str:
    bar = window.message_bar
    return bar.label.text() if bar.isVisible() else ""


def test_the_edit_menu_holds_copy_and_paste_setup_with_their_keys(make_window):
    window = make_window()
    # The menus themselves, not QAction.menu() (PySide6 6.6 wraps a deleted menu there).
    menus = {m.title(): m for m in window.findChildren(QMenu)}
    assert [a.text() for a in window.menuBar().actions()][:3] == ["&File", "&Edit", "&Training"]
    edit = menus["&Edit"].actions()
    assert edit == [window.actions.copy_setup, window.actions.paste_setup]
    assert [a.shortcut().toString() for a in edit] == ["Ctrl+Shift+C", "Ctrl+Shift+V"]
    assert window.actions.open_recipe in menus["&File"].actions()
    # No other action of the window answers to these keys.
    others = [s.toString() for a in QWidget.actions(window) if a not in edit for s in a.shortcuts()]
    assert others and not {"Ctrl+Shift+C", "Ctrl+Shift+V"} & set(others)


def test_copy_then_paste_restores_the_setup_and_ctrl_z_brings_the_trained_session_back(make_window, qtbot):
    window = make_window()
    window.data_panel.digit_filter.set_digits((2, 7))
    window.hyperparameters.set_config(SHARED, applied=False)
    window.actions.reset.trigger()
    window.actions.copy_setup.trigger()
    line = QGuiApplication.clipboard().text()
    assert line.startswith("ganstudio:v1:") and "\n" not in line
    recipe = Recipe.from_line(line)
    assert recipe.config() == SHARED and recipe.digits == (2, 7) and recipe.data == "bundled"

    # Another setup, trained a little; then the line comes back from the clipboard.
    window.data_panel.digit_filter.set_digits(None)
    window.hyperparameters.set_config(TINY_CONFIG, applied=False)
    window.actions.reset.trigger()
    old = trained(window, qtbot)
    old_weights = {k: np.array(v, copy=True) for k, v in old.state_dict().items() if k.startswith("algo.")}
    QGuiApplication.clipboard().setText("  " + line + "\n")
    window.actions.paste_setup.trigger()

    session = window.controller.session
    assert session is not old and session.iteration == 0
    assert session.config == SHARED == window.hyperparameters.config()
    assert not window.hyperparameters.is_pending()
    assert window.data.digits() == (2, 7) and sorted(set(session.dataset.labels)) == [2, 7]
    assert "Restored the setup: preset fast, seed 9." in message(window) and "Ctrl+Z" in message(window)

    window.actions.undo.trigger()
    assert window.controller.session is old and old.iteration == 5
    assert window.data.digits() is None and window.hyperparameters.config() == TINY_CONFIG
    assert all(np.array_equal(old_weights[k], v) for k, v in old.state_dict().items() if k in old_weights)


def test_the_keys_copy_and_paste_too(make_window, qtbot):
    window = make_window()
    with qtbot.waitActive(window):
        window.activateWindow()
    QGuiApplication.clipboard().setText("")
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert Recipe.from_line(QGuiApplication.clipboard().text()).config() == TINY_CONFIG
    QGuiApplication.clipboard().setText(Recipe.from_setup(SHARED, "bundled").to_line())
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_V,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.controller.session.config == SHARED


def test_a_damaged_or_unusable_paste_is_one_message_and_keeps_everything(make_window, qtbot):
    window = make_window()
    window.hyperparameters.set_config(SHARED, applied=False)   # an edit not applied yet stays too
    good = Recipe.from_setup(SHARED, "bundled", (4,)).to_line()
    pastes = {
        "": "no setup",
        "hello": "not a GAN Studio recipe",
        good[:-5]: "cut short",
        good.replace("lr_g=0.0031", "lr_g=0.0032"): "checksum",
        Recipe.from_setup(SHARED, "mnist").to_line(): "not downloaded",
        Recipe.from_setup(SHARED, "/no/such/folder").to_line(): "/no/such/folder",
        "x" * 5_000_000: "",
        "format = \"ganstudio-recipe\"\nversion = 1\nseed = " + "[" * 100_000: "",
    }
    for text, said in pastes.items():
        before = state(window)
        QGuiApplication.clipboard().setText(text)
        window.actions.paste_setup.trigger()
        assert state(window) == before
        shown = message(window)
        assert shown and "\n" not in shown and said in shown, (text[:40], shown)
        window.message_bar.hide()


def test_a_recipe_too_big_for_the_small_data_is_one_message(make_window):
    window = make_window()
    before = state(window)
    window.setup_sharing.restore(Recipe.from_setup(with_overrides(SHARED, {"batch_size": 512}), "bundled", (1,)))
    assert state(window) == before and "batch_size" in message(window)


def test_open_recipe_restores_a_run_folders_recipe_file(make_window, tmp_path):
    window = make_window()
    path = tmp_path / "recipe.toml"
    path.write_text(Recipe.from_setup(SHARED, "bundled", (0, 1)).to_toml(), encoding="utf-8")
    assert window.setup_sharing.open_path(path)
    assert window.controller.session.config == SHARED and window.data.digits() == (0, 1)
    (tmp_path / "bad.toml").write_bytes(b"\xff\xfe garbage")
    before = state(window)
    assert not window.setup_sharing.open_path(tmp_path / "bad.toml")
    assert state(window) == before and "bad.toml" in message(window)
