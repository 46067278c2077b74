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
