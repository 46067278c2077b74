"""Settings for people (core/config/setting_info.py, gui/panels/hyperparameter_panel.py): groups,
labels with keys, values in words, only what applies, the explanation in the panel, "More"."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from ganstudio.core.config import setting_info
from ganstudio.core.config.overrides import config_keys, with_overrides
from ganstudio.core.config.presets import get_preset


def test_every_setting_has_one_entry_with_a_group_a_label_and_help():
    assert set(setting_info.SETTINGS) == set(config_keys())
    for key in config_keys():
        entry = setting_info.info(key)
        assert entry.group in setting_info.GROUPS and entry.label and entry.help
        assert entry.label != key


def test_what_applies_follows_the_engine():
    seed, fast = get_preset("seed"), get_preset("fast")        # classic + SGD, minibatch + Adam
    assert setting_info.applies("momentum", seed) and not setting_info.applies("momentum", fast)
    assert setting_info.applies("beta1", fast) and not setting_info.applies("beta1", seed)
    assert setting_info.applies("real_per_iter", seed) and not setting_info.applies("real_per_iter", fast)
    assert setting_info.applies("clusters", fast) and not setting_info.applies("clusters", seed)
    assert not setting_info.applies("g_loss", seed)             # mse: saturating or not, same loss
    assert not setting_info.applies("momentum_final", seed)     # no ramp
    assert setting_info.applies("momentum_final", get_preset("goodfellow2014"))
    assert not setting_info.applies("equilibrium_window", fast)
    assert setting_info.applies("equilibrium_window", with_overrides(fast, {"stop_rule": "equilibrium"}))
    assert setting_info.value_words("pixel_range", "pm1") == "[-1, 1]"


def _panel(qtbot, config):
    from ganstudio.gui.panels.hyperparameter_panel import HyperparameterPanel

    panel = HyperparameterPanel()
    qtbot.addWidget(panel)
    panel.set_config(config)
    panel.resize(320, 900)
    panel.show()
    return panel


def test_the_panel_shows_only_what_applies_and_changes_with_the_optimizer(qtbot):
    panel = _panel(qtbot, get_preset("fast"))
    assert panel.is_shown("beta1") and not panel.is_shown("momentum")
    assert not panel.is_shown("real_per_iter")
    optimizer = panel.editor("optimizer")
    optimizer.setCurrentIndex(optimizer.findData("sgd"))        # the user picks SGD
    assert panel.config().optimizer == "sgd"
    assert panel.is_shown("momentum") and not panel.is_shown("beta1")
    assert panel.hint.isVisible()                               # pending until Reset, as before


def test_common_settings_first_the_rest_behind_more(qtbot):
    panel = _panel(qtbot, get_preset("fast"))
    assert panel.is_shown("lr_d") and not panel.is_shown("g_ema")
    assert "More" in panel.more.text()
    panel.more.setChecked(True)
    assert panel.is_shown("g_ema") and not panel.is_shown("momentum")   # still Adam


def test_values_in_words_and_labels_with_their_key(qtbot):
    panel = _panel(qtbot, get_preset("fast"))
    box = panel.editor("pixel_range")
    assert isinstance(box, QComboBox) and box.currentText() == "[-1, 1]" and box.currentData() == "pm1"
    label = panel._labels["lr_d"].text()
    assert "D's learning rate" in label and "lr_d" in label


def test_the_selected_settings_explanation_is_in_the_panel(qtbot):
    panel = _panel(qtbot, get_preset("fast"))
    panel.activateWindow()
    panel.editor("batch_size").setFocus()
    qtbot.waitUntil(lambda: "batch_size" in panel.explanation.text())
    assert "How many images each training step looks at." in panel.explanation.text()


def test_an_invalid_value_is_one_message_and_the_old_value_stays(qtbot):
    panel = _panel(qtbot, get_preset("fast"))
    editor = panel.editor("batch_size")
    with qtbot.waitSignal(panel.invalid) as blocker:
        editor.setText("0")
        editor.editingFinished.emit()
    assert "batch_size" in blocker.args[0]
    assert editor.text() == "32" and panel.config().batch_size == 32
