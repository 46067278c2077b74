"""The generated PyTorch folder: model.py reproduces GAN Studio's images for the same noise
(every preset), sample.py draws, and train.py continues training into weights that
`ganstudio import` brings back. Runs where PyTorch is installed: in this interpreter, or in the
one GANSTUDIO_TORCH_PYTHON names (torch is never a dependency of GAN Studio)."""

import os
import subprocess
import sys

import numpy as np
import pytest

from support.exports import PRESETS, fresh_noise, trained_session

pytest.importorskip("safetensors", reason="the safetensors package is not installed (pip install 'ganstudio[export]')")

from ganstudio.core.formats.model_io.formats import export_model  # noqa: E402
from ganstudio.core.formats.model_io.weights import load_weights  # noqa: E402


def _torch_python():
    candidate = os.environ.get("GANSTUDIO_TORCH_PYTHON") or sys.executable
    found = subprocess.run([candidate, "-c", "import torch, safetensors, PIL, numpy"], capture_output=True)
    return candidate if found.returncode == 0 else None


TORCH_PYTHON = _torch_python()
needs_torch = pytest.mark.skipif(TORCH_PYTHON is None, reason="PyTorch is not installed here "
                                 "(set GANSTUDIO_TORCH_PYTHON to a Python that has torch)")

FORWARD = """
import sys, numpy as np, torch, model
nets = model.load("weights.safetensors")
g = model.drawing_generator(nets).eval()
with torch.no_grad():
    out = g(torch.from_numpy(np.load(sys.argv[1])))
np.save(sys.argv[2], out.numpy())
"""


def run_torch(folder, *args, timeout=300):
    result = subprocess.run([TORCH_PYTHON, *map(str, args)], cwd=folder, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def test_the_folder_holds_clean_code_and_torch_layout_weights(tmp_path):
    session = trained_session("goodfellow2014")
    written = export_model(session, "pytorch", tmp_path / "pt")
    assert {p.name for p in written} == {"model.py", "sample.py", "train.py", "weights.safetensors", "digits.npz"}
    source = (tmp_path / "pt" / "model.py").read_text()
    compile(source, "model.py", "exec")
    assert "nn.Linear(100, 1200)" in source and "Maxout(5)" in source and "nn.Dropout(0.2)" in source
    for name in ("sample.py", "train.py"):
        compile((tmp_path / "pt" / name).read_text(), name, "exec")


@needs_torch
@pytest.mark.parametrize("preset", [p for p in PRESETS if p != "conditional"])   # refused: test_conditional
def test_model_py_reproduces_the_engine(preset, tmp_path):
    session = trained_session(preset)
    folder = tmp_path / "pt"
    export_model(session, "pytorch", folder)
    noise = fresh_noise(session, n=100)
    np.save(folder / "noise.npy", noise)
    (folder / "forward.py").write_text(FORWARD)
    run_torch(folder, "forward.py", "noise.npy", "out.npy")
    assert np.abs(np.load(folder / "out.npy") - session.algorithm.generate(noise)).max() <= 1e-5
    run_torch(folder, "sample.py", "--noise", "noise.npy", "--out", "digits.npy")
    assert np.abs(np.load(folder / "digits.npy").astype(int) - session.draw(noise)).max() <= 1


@needs_torch
@pytest.mark.parametrize("preset", ["fast", "seed"])
def test_train_py_continues_into_weights_ganstudio_imports(preset, tmp_path):
    session = trained_session(preset)
    folder = tmp_path / "pt"
    export_model(session, "pytorch", folder)
    run_torch(folder, "train.py", "--iterations", 30, "--device", "cpu", "--out", "trained.safetensors")
    back = load_weights(folder / "trained.safetensors")
    assert back.iteration == session.iteration + 30
    before = session.algorithm.networks["discriminator"].flat_params
    assert not np.array_equal(back.algorithm.networks["discriminator"].flat_params, before)
    assert back.sample(8).shape == (8, 28, 28)
