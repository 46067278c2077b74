"""What the command line writes: a progress line that fits the terminal, `sample` and `train`
outputs that a full disk or an interruption never leaves half written or mixed."""

import io

import numpy as np
import pytest

from ganstudio.cli.main import main
from ganstudio.cli.progress_bar import ProgressLine, fit
from ganstudio.cli.train_command import write_outputs
from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset
from ganstudio.core.files.manifest import check_file_set
from ganstudio.core.formats.checkpoint import save_checkpoint
from ganstudio.core.training.session import TrainingSession


class Terminal(io.StringIO):
    def isatty(self):
        return True


LONG = "[########----------------] 1234/5000  D(real) 0.512  D(fake) 0.488  loss D 1.386 G 0.693  45.6 it/s"


def test_on_an_80_column_terminal_each_redraw_fits_on_one_line(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")   # what shutil reads when the stream is no terminal
    terminal = Terminal()
    line = ProgressLine(terminal)
    for _ in range(3):
        line.update(LONG, force=True)
    redraws = terminal.getvalue().split("\r\x1b[2K")[1:]
    assert len(LONG) > 80 and len(redraws) == 3
    assert all(len(text) == 79 and text.endswith("…") and LONG.startswith(text[:-1]) for text in redraws)


def test_logs_keep_the_whole_line():
    log = io.StringIO()
    ProgressLine(log).update(LONG, force=True)
    assert log.getvalue() == LONG + "\n"


def test_fit_leaves_short_lines_alone():
    assert fit("short", 80) == "short"
    assert fit("x" * 79, 80) == "x" * 79
    assert fit("x" * 80, 80) == "x" * 78 + "…"


@pytest.fixture(scope="module")
def session(small_data):
    config = with_overrides(get_preset("fast"), {"iterations": 3, "batch_size": 16})
    session = TrainingSession(config, small_data)
    list(session.run())
    return session


def train_on(session):
    """Two more iterations: every file of the run would change."""
    session.config = with_overrides(session.config, {"iterations": session.iteration + 2})
    list(session.run())


def full_disk_halfway(monkeypatch, shape=None):
    """np.save writes part of an array (of `shape`, or any), then the disk is full."""
    real = np.lib.format.write_array

    def write_array(handle, array, *args, **kwargs):
        if shape is not None and array.shape != shape:
            return real(handle, array, *args, **kwargs)
        handle.write(b"\x93NUMPY half an array")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(np.lib.format, "write_array", write_array)


def test_sample_on_a_full_disk_keeps_the_previous_file(session, tmp_path, monkeypatch, capsys):
    checkpoint = save_checkpoint(session, tmp_path / "c.npz")
    out = tmp_path / "digits.npy"
    assert main(["sample", str(checkpoint), "--n", "5", "--out", str(out)]) == 0
    before = out.read_bytes()
    full_disk_halfway(monkeypatch)
    assert main(["sample", str(checkpoint), "--n", "7", "--out", str(out)]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"ganstudio: error: could not write {out}: No space left on device"
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.npz", "digits.npy"]


def test_a_failure_among_the_run_files_leaves_the_previous_set_whole(session, tmp_path, monkeypatch):
    from ganstudio.core.errors import GanStudioError

    write_outputs(session, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    saved_at = session.iteration
    train_on(session)
    full_disk_halfway(monkeypatch, shape=(1000, 28, 28))   # samples.npy, after checkpoint and grid
    with pytest.raises(GanStudioError, match="No space left on device"):
        write_outputs(session, tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before   # no new checkpoint beside old files
    assert check_file_set(tmp_path)["iteration"] == saved_at


def test_an_interruption_among_the_run_files_leaves_the_previous_set_whole(session, tmp_path, monkeypatch):
    write_outputs(session, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    train_on(session)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("ganstudio.cli.train_command.write_metrics_csv", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_outputs(session, tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert check_file_set(tmp_path)


@pytest.mark.parametrize("signum,status", [(2, 130), (15, 143)])
def test_an_interrupted_download_is_one_line_with_the_signal_status(monkeypatch, capsys, signum, status):
    from ganstudio.cli.interrupts import Interrupted
    from ganstudio.core.data import download

    def interrupted(remote, progress):
        progress(1_000_000, 2_000_000)
        raise Interrupted(signum)   # what the signal handler raises in the middle of a transfer

    monkeypatch.setattr(download, "download", interrupted)
    assert main(["data", "download", "mnist"]) == status
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "ganstudio: download of MNIST interrupted; run the same command again to resume"
    assert "Traceback" not in "".join(err)


def test_a_full_disk_while_the_checkpoint_is_written_names_the_run_not_a_temporary(session, tmp_path,
                                                                                monkeypatch):
    from ganstudio.core.errors import GanStudioError

    full_disk_halfway(monkeypatch)   # the first array np.savez writes: the checkpoint's
    with pytest.raises(GanStudioError) as failure:
        write_outputs(session, tmp_path)
    assert str(failure.value) == f"could not write the results into {tmp_path}: No space left on device"
    assert list(tmp_path.iterdir()) == []


def _ascii_locale(**changes):
    """An environment whose locale is plain ASCII (Python's UTF-8 mode and locale coercion off),
    as a minimal container or a Windows code page with redirected output gives."""
    import os

    from support.commands import checkout_env

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8") and not k.startswith("LC_")}
    return checkout_env(env, LC_ALL="C", LANG="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0", **changes)


def test_a_console_that_cannot_print_the_symbols_gets_utf8_not_a_traceback():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "ganstudio", "presets"], capture_output=True,
                            env=_ascii_locale(), timeout=120)
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr[-500:]
    text = result.stdout.decode("utf-8")   # UTF-8, whole
    assert any(ord(ch) > 127 for ch in text)
    # an encoding the user chose is kept; what it cannot carry is escaped
    chosen = subprocess.run([sys.executable, "-m", "ganstudio", "presets"], capture_output=True,
                            env=_ascii_locale(PYTHONIOENCODING="ascii"), timeout=120)
    assert chosen.returncode == 0 and b"Traceback" not in chosen.stderr
    assert chosen.stdout.isascii() and (b"\\x" in chosen.stdout or b"\\u" in chosen.stdout)
