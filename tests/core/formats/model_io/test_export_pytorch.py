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
nets = model.load("model.safetensors")
g = model.drawing_generator(nets).eval()
with torch.no_grad():
    out = g(torch.from_numpy(np.load(sys.argv[1])))
np.save(sys.argv[2], out.numpy())
"""


def run_torch(folder, *args, timeout=300, env=None):
    result = subprocess.run([TORCH_PYTHON, *map(str, args)], cwd=folder, capture_output=True, text=True,
                            timeout=timeout, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def test_the_folder_holds_clean_code_and_torch_layout_weights(tmp_path):
    session = trained_session("goodfellow2014")
    written = export_model(session, "pytorch", tmp_path / "pt")
    assert {p.name for p in written} == {"README.md", "requirements.txt", "config.json", "model.py", "sample.py",
                                         "train.py", "model.safetensors", "digits.npz"}
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


def test_the_folder_has_hugging_face_names_a_readme_and_requirements(tmp_path):
    import json

    from ganstudio import __version__

    session = trained_session("fast")
    folder = tmp_path / "pt"
    export_model(session, "pytorch", folder)
    config = json.loads((folder / "config.json").read_text())
    assert config["config"] == json.loads(session.config.to_json())
    assert config["iteration"] == session.iteration and config["ganstudio_version"] == __version__
    readme = (folder / "README.md").read_text()
    assert "torchrun" in readme and "CC BY-SA 3.0" in readme and "model.safetensors" in readme
    requirements = (folder / "requirements.txt").read_text().split()
    assert {line.split(">=")[0] for line in requirements if not line.startswith("#") and ">=" in line} >= {
        "torch", "safetensors", "numpy", "pillow"}
    assert 'load(path="model.safetensors"' in (folder / "model.py").read_text()
    # `ganstudio import FOLDER` finds the weights
    back = load_weights(folder)
    noise = fresh_noise(session)
    assert np.array_equal(back.draw(noise), session.draw(noise))


def test_a_folder_exported_before_the_new_names_still_imports_and_is_replaced(tmp_path):
    from support.commands import ganstudio

    session = trained_session("mlp")
    folder = tmp_path / "old"
    export_model(session, "pytorch", folder)
    for name in ("README.md", "requirements.txt", "config.json"):   # the old layout's five files
        (folder / name).unlink()
    (folder / "model.safetensors").rename(folder / "weights.safetensors")
    result = ganstudio("import", folder, "--out", tmp_path / "back.npz")
    assert result.returncode == 0, result.stderr
    assert load_weights(folder / "weights.safetensors").iteration == session.iteration
    export_model(session, "pytorch", folder)   # an export over it replaces it whole
    assert not (folder / "weights.safetensors").exists() and (folder / "model.safetensors").is_file()


TOLERANCE = 5e-5


@needs_torch
def test_train_py_under_torchrun_takes_the_steps_of_one_process(tmp_path):
    """train.py unchanged under torchrun: two CPU processes (gloo, DistributedDataParallel) each
    take half of every batch and average their gradients, so they end where one process does.

    Tolerance: the two runs add the same float32 numbers in another order (two half-batch means
    averaged, against one mean; gloo's sum), about 1e-7 relative per step; 30 Adam steps keep
    that below TOLERANCE (measured: 3e-7 to 1e-6 at most with fast's one-layer D and G's rate
    2e-3; 1.7e-5 since its second D layer and rate 3e-3, issue 21), while the weights themselves
    move by ~0.1: a different batch or noise, or gradients not averaged, would show at once."""
    session = trained_session("fast")   # clusters, G's moving average, G reusing D's fakes
    folder = tmp_path / "pt"
    export_model(session, "pytorch", folder)
    one_thread = dict(os.environ, OMP_NUM_THREADS="1")   # as torchrun gives each process
    one = run_torch(folder, "train.py", "--iterations", 30, "--device", "cpu", "--out", "one.safetensors",
                    env=one_thread)
    two = run_torch(folder, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", 2,
                    "train.py", "--iterations", 30, "--device", "cpu", "--out", "two.safetensors",
                    env=one_thread, timeout=600)
    assert two.stdout.count("wrote two.safetensors") == 1   # the first process writes, alone
    losses = [line.split("it/s")[0].rsplit(None, 1)[0] for line in (one.stdout, two.stdout)]
    assert losses[0] == losses[1]   # "iteration N  loss D x  G y" to 3 decimals
    from safetensors.numpy import load_file

    start, a, b = (load_file(str(folder / name)) for name in
                   ("model.safetensors", "one.safetensors", "two.safetensors"))
    assert a.keys() == b.keys()
    differences = {k: float(np.abs(a[k].astype(np.float64) - b[k]).max()) for k in a}
    moved = max(float(np.abs(a[k].astype(np.float64) - start[k]).max()) for k in a)
    print(f"largest difference {max(differences.values()):.3g}, largest move {moved:.3g}")
    assert max(differences.values()) <= TOLERANCE, differences
    assert moved > 1000 * TOLERANCE   # training did move the weights
    back = load_weights(folder / "two.safetensors")
    assert back.iteration == session.iteration + 30


@needs_torch
def test_train_py_refuses_a_batch_that_does_not_split_over_the_processes(tmp_path):
    folder = tmp_path / "pt"
    export_model(trained_session("fast"), "pytorch", folder)
    result = subprocess.run([TORCH_PYTHON, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2",
                             "train.py", "--iterations", "1", "--device", "cpu", "--batch-size", "33"],
                            cwd=folder, capture_output=True, text=True, timeout=600,
                            env=dict(os.environ, OMP_NUM_THREADS="1"))
    assert result.returncode != 0 and "does not split over 2 processes" in result.stderr
