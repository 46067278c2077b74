"""The command line logs where the window logs (core/files/log_file.py): each command's start,
its user errors and its exit; a bug is one line on the console naming the log, which holds the
traceback. A log folder that cannot be written (a read-only home) changes nothing else."""

import logging
import subprocess
import sys

import pytest

from ganstudio.cli import presets_command
from ganstudio.cli.main import main as cli
from ganstudio.core.files.log_file import FILE_NAME, LOGGER

from support.commands import checkout_env


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv("GANSTUDIO_LOG_DIR", str(folder))
    return folder


def file_handlers():
    return [h for h in logging.getLogger(LOGGER).handlers if isinstance(h, logging.FileHandler)]


def broken(args):
    raise ZeroDivisionError("the test's division")


def test_a_command_logs_its_start_and_exit_and_closes_the_log(log_dir, capsys):
    before = file_handlers()
    assert cli(["presets"]) == 0
    text = (log_dir / FILE_NAME).read_text(encoding="utf-8")
    assert "command line: ganstudio presets: GAN Studio" in text and "ganstudio presets: exit status 0" in text
    assert file_handlers() == before   # closed again: a process running many commands keeps no files open
    assert "Traceback" not in capsys.readouterr().err


def test_a_user_error_is_one_line_and_logged(log_dir, tmp_path, capsys):
    assert cli(["export", str(tmp_path / "missing.npz"), "--format", "onnx", "--out", str(tmp_path / "g.onnx")]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("ganstudio: error: ")
    assert line.removeprefix("ganstudio: ") in (log_dir / FILE_NAME).read_text(encoding="utf-8")


def test_a_bug_is_one_line_naming_the_log_which_holds_the_traceback(log_dir, monkeypatch, capsys):
    monkeypatch.setattr(presets_command, "run", broken)
    assert cli(["presets"]) == 1
    err = capsys.readouterr().err
    (line,) = err.strip().splitlines()
    assert "Traceback" not in err
    assert line.startswith("ganstudio: internal error: ZeroDivisionError: the test's division; ")
    assert line.endswith(f"the details are in {log_dir / FILE_NAME}")
    text = (log_dir / FILE_NAME).read_text(encoding="utf-8")
    assert "unexpected error" in text and "Traceback" in text and "in broken" in text


def test_no_log_folder_changes_nothing_else(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("GANSTUDIO_LOG_DIR", str(blocker / "logs"))   # cannot be made
    assert cli(["presets"]) == 0
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(presets_command, "run", broken)
    assert cli(["presets"]) == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "ZeroDivisionError" in line and "no log file could be written" in line


def test_a_log_that_fails_while_writing_says_nothing_on_the_console(log_dir, monkeypatch, capsys):
    from ganstudio.core.files.log_file import logging_to_file

    with logging_to_file("test") as path:
        assert path == log_dir / FILE_NAME
        (handler,) = [h for h in file_handlers() if h.baseFilename == str(path)]

        def full_disk(text):
            raise OSError(28, "No space left on device")
        monkeypatch.setattr(handler.stream, "write", full_disk)
        logging.getLogger(LOGGER).error("lost")
    assert capsys.readouterr().err == ""


def test_a_read_only_home_in_a_real_process(tmp_path):
    """The installed command, with the platform's log folder (XDG_STATE_HOME on Linux) where
    nothing can be made, and a bug in it: one line, no traceback, the work done."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    env = checkout_env(XDG_STATE_HOME=str(blocker / "state"), HOME=str(blocker / "home"))
    env.pop("GANSTUDIO_LOG_DIR", None)
    ok = subprocess.run([sys.executable, "-m", "ganstudio", "presets"], capture_output=True, text=True,
                        env=env, timeout=120)
    assert ok.returncode == 0 and ok.stderr == "" and "fast" in ok.stdout
    bug = ("import sys\nfrom ganstudio.cli import presets_command\n"
           "def broken(args):\n    raise ZeroDivisionError('deep inside')\n"
           "presets_command.run = broken\n"
           "from ganstudio.launcher import main\nsys.exit(main(['presets']))\n")
    crashed = subprocess.run([sys.executable, "-c", bug], capture_output=True, text=True, env=env, timeout=120)
    assert crashed.returncode == 1 and "Traceback" not in crashed.stderr
    (line,) = crashed.stderr.strip().splitlines()
    assert "ZeroDivisionError: deep inside" in line and "no log file could be written" in line


def test_two_processes_sharing_the_log_rotate_it_once_and_lose_no_recent_record(log_dir, monkeypatch):
    """A window and a command line run write one file. Each handler here has its own open file,
    as each process has: with logging's own rotation the one that did not rotate went on
    writing into the renamed file (.1, then .2, then deleted)."""
    from ganstudio.core.files import log_file

    monkeypatch.setattr(log_file, "MAX_BYTES", 2_000)
    handlers = [log_file._open_handler() for _ in range(2)]
    try:
        for i in range(300):
            for name, handler in zip("ab", handlers):
                handler.handle(logging.LogRecord(LOGGER, logging.INFO, __file__, 0, f"{name} record {i}", None, None))
    finally:
        for handler in handlers:
            handler.close()
    current = (log_dir / FILE_NAME).read_text(encoding="utf-8")
    assert "a record 299" in current and "b record 299" in current
    files = sorted(p.name for p in log_dir.iterdir() if p.name.startswith(FILE_NAME) and not p.name.endswith(".lock"))
    assert files == [FILE_NAME, FILE_NAME + ".1", FILE_NAME + ".2"]
    older = (log_dir / (FILE_NAME + ".1")).read_text(encoding="utf-8").splitlines()
    newer = current.splitlines()
    assert older and int(older[-1].split()[-1]) <= int(newer[0].split()[-1])   # rotated once, in order
    for name in files:
        assert (log_dir / name).stat().st_size <= 2_000 + 200
