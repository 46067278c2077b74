"""Without the export packages GAN Studio still trains, draws and saves; asking for a format
says in one line what is missing and how to install it."""

import sys

import pytest

from ganstudio.core.errors import ExportError
from ganstudio.core.formats.checkpoint import save_checkpoint

from support.commands import checkout_env
from support.exports import trained_session


@pytest.mark.parametrize("format_name, missing", [
    ("onnx", "onnx"), ("safetensors", "safetensors"), ("pytorch", "safetensors")])
def test_a_missing_package_is_one_line(monkeypatch, tmp_path, format_name, missing):
    from ganstudio.core.formats.model_io.formats import export_model

    for name in [m for m in sys.modules if m == missing or m.startswith(missing + ".")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, missing, None)   # `import missing` now raises ImportError
    monkeypatch.setitem(sys.modules, f"{missing}.numpy", None)
    session = trained_session("mlp")
    with pytest.raises(ExportError) as caught:
        export_model(session, format_name, tmp_path / "out")
    message = str(caught.value)
    assert f"needs the {missing} package" in message and "pip install 'ganstudio[export]'" in message
    assert "\n" not in message
    # and the engine is untouched: it still draws and saves
    assert session.sample(4).shape == (4, 28, 28)
    assert save_checkpoint(session, tmp_path / "c.npz").is_file()


def test_the_cli_says_so_without_a_traceback(tmp_path):
    import subprocess

    checkpoint = save_checkpoint(trained_session("mlp"), tmp_path / "c.npz")
    code = ("import sys; sys.modules['onnx'] = None; from ganstudio.cli.main import main; "
            f"sys.exit(main(['export', {str(checkpoint)!r}, '--format', 'onnx', '--out', {str(tmp_path / 'g.onnx')!r}]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env=checkout_env())
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "ganstudio: error: the ONNX format needs the onnx package, which is not installed "
        "(pip install 'ganstudio[export]')"]
    assert not (tmp_path / "g.onnx").exists()


def test_inside_the_frozen_app_the_line_does_not_suggest_pip(monkeypatch, tmp_path):
    from ganstudio.core.formats.model_io.formats import export_model

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setitem(sys.modules, "onnx", None)
    with pytest.raises(ExportError) as caught:
        export_model(trained_session("mlp"), "onnx", tmp_path / "g.onnx")
    message = str(caught.value)
    assert "needs the onnx package" in message and "pip" not in message and "\n" not in message


def test_unavailable_formats_name_the_missing_package_without_importing_it(monkeypatch):
    from ganstudio.core.formats.model_io.formats import unavailable_formats

    assert unavailable_formats() == {}   # the test environment has the export extra
    monkeypatch.setitem(sys.modules, "safetensors", None)
    assert unavailable_formats() == {"safetensors": "safetensors", "pytorch": "safetensors"}
