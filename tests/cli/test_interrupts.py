"""Ctrl-C and SIGTERM sent for real to `ganstudio train` at each moment of a run. The test
waits for the child to say where it is (a progress line, or interrupt_child.py's "paused at")
before it signals: no sleeps."""

import os
import select
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from ganstudio.core.files.manifest import MANIFEST, check_file_set
from ganstudio.core.formats.checkpoint import read_checkpoint

from support import SCRIPTS
from support.commands import checkout_env, ganstudio

pytestmark = pytest.mark.skipif(os.name != "posix", reason="signals are sent to a child the POSIX way")

QUICK = ["--set", "g_hidden=32", "--set", "d_hidden=32", "--set", "batch_size=16"]
CHILD = SCRIPTS / "interrupt_child.py"
OUTPUTS = ["checkpoint.npz", "config.json", "grid.png", MANIFEST, "metrics.csv", "recipe.toml", "samples.npy",
           "timeline.gif"]


class Child:
    def __init__(self, *command):
        self.proc = subprocess.Popen([sys.executable, *map(str, command)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0,
                                     env=checkout_env())
        self.err = b""

    def wait_for(self, text: str, timeout: float = 60) -> None:
        """Reads stderr until a line holds `text` (which must appear again after each call)."""
        deadline = time.monotonic() + timeout
        start = len(self.err)
        while text.encode() not in self.err[start:]:
            left = deadline - time.monotonic()
            assert left > 0, f"no {text!r} within {timeout} s: {self.err.decode()}"
            if select.select([self.proc.stderr], [], [], left)[0]:
                chunk = os.read(self.proc.stderr.fileno(), 65536)
                assert chunk, f"the child ended before {text!r}: {self.err.decode()}"
                self.err += chunk

    def answer(self, line: str) -> None:
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()

    def finish(self, timeout: float = 120) -> tuple[int, list[str]]:
        """The exit status and the stderr lines that are neither markers nor progress lines."""
        _, rest = self.proc.communicate(timeout=timeout)
        text = (self.err + rest).decode()
        assert "Traceback" not in text, text
        return self.proc.returncode, [line for line in text.splitlines()
                                      if not line.startswith("paused at") and "D(real)" not in line]


def train_child(moment, out, *length):
    return Child(CHILD, moment, "train", *(length or ("--seconds", 600)), "--out", out, *QUICK)


@pytest.mark.parametrize("moment,signum", [("import", signal.SIGINT), ("import", signal.SIGTERM),
                                           ("dataset", signal.SIGINT), ("session", signal.SIGTERM)])
def test_a_stop_signal_before_training_is_one_line_and_writes_nothing(tmp_path, moment, signum):
    out = tmp_path / "run"
    child = train_child(moment, out)
    child.wait_for(f"paused at {moment}")
    child.proc.send_signal(signum)
    child.answer("go")
    status, lines = child.finish()
    name = signal.Signals(signum).name
    assert status == 128 + signum
    assert lines == [f"ganstudio: interrupted by {name}; nothing was written"]
    assert not out.exists()


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_signal_during_training_saves_a_consistent_set(tmp_path, signum):
    child = Child("-m", "ganstudio", "train", "--seconds", 600, "--out", tmp_path, *QUICK)
    child.wait_for("D(real)")   # the first progress line: training runs
    child.proc.send_signal(signum)
    status, lines = child.finish()
    assert status == 128 + signum
    assert len(lines) == 1 and lines[0].startswith("interrupted at iteration")
    assert signal.Signals(signum).name in lines[0]
    manifest = check_file_set(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == OUTPUTS   # and no temporary
    _, state = read_checkpoint(tmp_path / "checkpoint.npz")
    assert manifest["iteration"] == state["iteration"] >= 1
    assert f"interrupted at iteration {state['iteration']} " in lines[0]


def test_signals_during_the_save_wait_for_its_end(tmp_path):
    child = train_child("save", tmp_path, "--iterations", 3)
    child.wait_for("paused at save")   # training is over, the checkpoint is staged
    child.proc.send_signal(signal.SIGINT)
    child.answer("again")
    child.wait_for("paused at save")   # the first one was handled; now a second, different one
    child.proc.send_signal(signal.SIGTERM)
    child.answer("go")
    status, lines = child.finish()
    assert status == 130   # the first signal's status
    assert lines == [f"interrupted at iteration 3 by SIGINT; saved checkpoint.npz, grid.png, "
                     f"samples.npy, metrics.csv, config.json, recipe.toml, timeline.gif in {tmp_path}"]
    assert check_file_set(tmp_path)["iteration"] == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == OUTPUTS
    assert np.load(tmp_path / "samples.npy").shape == (1000, 28, 28)


@pytest.mark.parametrize("existed", [True, False])
def test_a_second_ctrl_c_during_training_stops_at_once_without_a_traceback(tmp_path, existed):
    out = tmp_path / "run"
    if existed:
        out.mkdir()
    child = train_child("iteration", out)
    child.wait_for("paused at iteration")
    child.proc.send_signal(signal.SIGINT)   # the first: stop after this iteration
    child.answer("again")
    child.wait_for("paused at iteration")
    child.proc.send_signal(signal.SIGINT)   # the second: now
    status, lines = child.finish()
    assert status == 130
    assert lines == [f"ganstudio: stopped at once by a second SIGINT at iteration 2; nothing saved, "
                     f"{out} is as it was"]
    assert list(out.iterdir()) == [] if existed else not out.exists()   # a folder made for the run goes


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's")
def test_an_output_folder_that_takes_no_files_is_refused_before_training():
    result = ganstudio("train", "--seconds", "600", "--out", "/proc/self", *QUICK, timeout=60)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "ganstudio: error: cannot write into the output folder /proc/self: No such file or directory"]
