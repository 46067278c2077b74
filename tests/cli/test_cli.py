"""The command line, end to end, in subprocesses on the bundled data."""

import os
import signal
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from support.commands import checkout_env, ganstudio

QUICK = ["--set", "g_hidden=32", "--set", "d_hidden=32", "--set", "batch_size=16"]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    result = ganstudio("train", "--iterations", 5, "--seed", 3, "--out", out, *QUICK)
    assert result.returncode == 0, result.stderr
    return out, result


def test_train_writes_every_output(trained):
    out, result = trained
    assert {p.name for p in out.iterdir()} >= {"checkpoint.npz", "grid.png", "samples.npy", "metrics.csv", "config.json"}
    samples = np.load(out / "samples.npy")
    assert samples.shape == (1000, 28, 28) and samples.dtype == np.uint8
    assert Image.open(out / "grid.png").size == (298, 298)
    rows = (out / "metrics.csv").read_text().splitlines()
    assert rows[0].startswith("iteration,d_real,d_fake") and len(rows) == 6
    assert '"seed": 3' in (out / "config.json").read_text()
    assert "D(real)" in result.stderr and "finished at iteration 5" in result.stderr


def test_resume_extends_a_run(trained, tmp_path):
    out, _ = trained
    result = ganstudio("train", "--resume", out / "checkpoint.npz", "--iterations", 8, "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    assert len((tmp_path / "metrics.csv").read_text().splitlines()) == 9


def test_sample_png_and_npy(trained, tmp_path):
    out, _ = trained
    result = ganstudio("sample", out / "checkpoint.npz", "--n", 20, "--out", tmp_path / "d.npy")
    assert result.returncode == 0, result.stderr
    assert np.load(tmp_path / "d.npy").shape == (20, 28, 28)
    assert ganstudio("sample", out / "checkpoint.npz", "--out", tmp_path / "d.png").returncode == 0
    assert Image.open(tmp_path / "d.png").mode == "L"


def test_presets_lists_each_with_a_line():
    result = ganstudio("presets")
    assert result.returncode == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names[:4] == ["fast", "seed", "mlp", "goodfellow2014"]


@pytest.mark.parametrize("args,expected", [
    (["train", "--preset", "nope"], "invalid choice"),
    (["train", "--set", "nonsense=1"], "unknown setting 'nonsense'"),
    (["train", "--set", "lr_g=fast"], "needs float"),
    (["train", "--iterations", "-3"], "must not be negative"),
    (["train", "--data", "/no/such/file.gz"], "/no/such/file.gz"),
    (["train", "--digits", "3,x"], "digit"),
    (["sample", "/no/ckpt.npz", "--out", "x.png"], "/no/ckpt.npz"),
    (["sample", "README.md", "--out", "x.png"], "README.md"),
    (["sample", "README.md", "--out", "x.jpg"], ".png or .npy"),
    (["bogus"], "invalid choice"),
])
def test_bad_input_is_one_line_and_status_2(args, expected):
    result = ganstudio(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ganstudio") and expected in lines[0], result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="SIGINT delivery to a child is POSIX-only here")
def test_ctrl_c_saves_a_checkpoint_and_exits_cleanly(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "ganstudio", "train", "--seconds", "600",
                             "--out", str(tmp_path), *QUICK],
                            stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=checkout_env())
    first_line = proc.stderr.readline()  # the first progress line: training is running
    assert "D(real)" in first_line
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted at iteration" in err and "Traceback" not in err
    assert (tmp_path / "checkpoint.npz").is_file() and (tmp_path / "grid.png").is_file()
    check = ganstudio("sample", tmp_path / "checkpoint.npz", "--n", "4", "--out", tmp_path / "after.npy")
    assert check.returncode == 0, check.stderr
