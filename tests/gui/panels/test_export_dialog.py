"""File ▸ Export model… in the window: the dialog's choices, a written file, and an error that
is a message while the session is kept."""

import pytest

pytest.importorskip("safetensors", reason="the safetensors package is not installed (pip install 'ganstudio[export]')")


def _answer(monkeypatch, path, format_name):
    from PySide6.QtWidgets import QDialog

    from ganstudio.gui.panels.export_dialog import ExportDialog

    def exec_(dialog):
        dialog.buttons[format_name].setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", exec_)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(path), ""))


def test_export_dialog_offers_every_format_with_a_note(qtbot):
    from ganstudio.core.formats.model_io.formats import FORMATS
    from ganstudio.gui.panels.export_dialog import ExportDialog

    dialog = ExportDialog()
    qtbot.addWidget(dialog)
    assert set(dialog.buttons) == set(FORMATS) and dialog.format_name == "onnx"
    assert all(" — " in button.text() for button in dialog.buttons.values())
    dialog.buttons["pytorch"].setChecked(True)
    assert dialog.format_name == "pytorch" and not dialog.discriminator.isEnabled()


def test_export_model_from_the_menu_writes_weights(make_window, monkeypatch, tmp_path):
    from ganstudio.core.formats.model_io.weights import read_weights

    window = make_window()
    path = tmp_path / "w.safetensors"
    _answer(monkeypatch, path, "safetensors")
    window.actions.export_model.trigger()
    config, iteration, _ = read_weights(path)
    assert config == window.controller.session.config and iteration == window.controller.session.iteration
    assert str(path) in window.statusBar().currentMessage()


def test_an_export_that_fails_is_a_message_and_keeps_the_session(make_window, monkeypatch, tmp_path):
    window = make_window()
    session = window.controller.session
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    _answer(monkeypatch, blocker / "w.safetensors", "safetensors")
    window.actions.export_model.trigger()
    assert window.controller.session is session
    assert window.message_bar.isVisible() and str(blocker) in window.message_bar.label.text()


def test_a_format_whose_package_is_missing_is_greyed_out_with_the_reason(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from ganstudio.gui.panels.export_dialog import ExportDialog

    dialog = ExportDialog(unavailable={"onnx": "onnx"})
    qtbot.addWidget(dialog)
    onnx = dialog.buttons["onnx"]
    assert not onnx.isEnabled() and "onnx package" in onnx.toolTip() and "pip install" in onnx.toolTip()
    assert dialog.format_name == "safetensors" and not dialog.discriminator.isEnabled()
    assert dialog.buttons["pytorch"].isEnabled() and not dialog.buttons["pytorch"].toolTip()
    nothing = ExportDialog(unavailable={"onnx": "onnx", "safetensors": "safetensors", "pytorch": "safetensors"})
    qtbot.addWidget(nothing)
    box = nothing.findChild(QDialogButtonBox)
    assert not box.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_inside_the_frozen_app_the_reason_does_not_suggest_pip(qtbot, monkeypatch):
    import sys

    from ganstudio.gui.panels.export_dialog import ExportDialog

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    dialog = ExportDialog(unavailable={"onnx": "onnx"})
    qtbot.addWidget(dialog)
    tip = dialog.buttons["onnx"].toolTip()
    assert "onnx package" in tip and "pip" not in tip


def test_the_dialog_greys_out_what_this_machine_lacks(qtbot, monkeypatch):
    import sys

    from ganstudio.gui.panels.export_dialog import ExportDialog

    monkeypatch.setitem(sys.modules, "onnx", None)   # as if onnx were not installed
    dialog = ExportDialog()
    qtbot.addWidget(dialog)
    assert not dialog.buttons["onnx"].isEnabled() and dialog.buttons["safetensors"].isEnabled()


def _overflowing(session):
    """G's weights at 3e38: finite float32, but every product overflows."""
    algorithm = session.algorithm
    for net in (algorithm.generator, getattr(algorithm, "generator_ema", None)):
        if net is not None:
            net.flat_params[...] = 3e38


def test_an_overflowing_generator_is_said_in_the_dialog_and_after_the_export(make_window, monkeypatch, tmp_path):
    from ganstudio.core.formats.model_io.formats import export_warnings
    from ganstudio.gui.panels.export_dialog import ExportDialog

    window = make_window()
    _overflowing(window.controller.session)
    (expected,) = export_warnings(window.controller.session)   # the core decides; the CLI prints this
    assert "overflows to infinity" in expected
    shown = []
    original = ExportDialog.__init__

    def watched(dialog, *args, **kwargs):
        original(dialog, *args, **kwargs)
        shown.append(dialog.warning.text() if dialog.warning.isVisibleTo(dialog) else "")
    monkeypatch.setattr(ExportDialog, "__init__", watched)
    path = tmp_path / "w.safetensors"
    _answer(monkeypatch, path, "safetensors")
    window.actions.export_model.trigger()
    assert path.is_file()   # written: a warning, not a refusal
    assert shown == [f"Warning: {expected}."]
    assert window.message_bar.isVisible()
    assert expected in window.message_bar.label.text() and str(path) in window.message_bar.label.text()


def test_a_healthy_generator_exports_without_a_warning(make_window, monkeypatch, tmp_path):
    from ganstudio.gui.panels.export_dialog import ExportDialog

    window = make_window()
    dialogs = []
    original = ExportDialog.__init__

    def watched(dialog, *args, **kwargs):
        original(dialog, *args, **kwargs)
        dialogs.append(dialog.warning.isVisibleTo(dialog))
    monkeypatch.setattr(ExportDialog, "__init__", watched)
    _answer(monkeypatch, tmp_path / "w.safetensors", "safetensors")
    window.actions.export_model.trigger()
    assert dialogs == [False]
    assert not window.message_bar.isVisible() or "overflows" not in window.message_bar.label.text()


def test_the_warning_is_translated_in_the_window(make_window, monkeypatch, tmp_path):
    from ganstudio.gui.window import model_export

    window = make_window()
    _overflowing(window.controller.session)
    seen = []
    monkeypatch.setattr(model_export, "core_text", lambda context, text: seen.append(context) or "«" + text + "»")
    _answer(monkeypatch, tmp_path / "w.safetensors", "safetensors")
    window.actions.export_model.trigger()
    assert seen and set(seen) == {"Export"}
    assert "«the generator overflows to infinity" in window.message_bar.label.text()
