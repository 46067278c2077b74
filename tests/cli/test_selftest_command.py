"""`ganstudio selftest` and the window's start without a display, in subprocesses whose
environment names no display, as on a server or in CI."""

from __future__ import annotations

import os
import sys
import time

import pytest

from ganstudio.cli.selftest_command import CHECKS
from ganstudio.gui.selftest_checks import CHECKS as WINDOW_CHECKS
from ganstudio.launcher import main

from support.commands import ganstudio

CHECK_NAMES = [name for name, _ in CHECKS + WINDOW_CHECKS]


def run_without_display(*args, timeout=120):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return ganstudio(*args, env=env, timeout=timeout)


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="those always have a display")
def test_selftest_passes_without_a_display_and_writes_its_report(tmp_path):
    report = tmp_path / "report.txt"
    result = run_without_display("selftest", "--report", report)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""   # nothing else: no traceback, and not Qt's offscreen chatter
    lines = result.stdout.splitlines()
    assert lines[0].startswith("GAN Studio ") and "PySide6" in lines[0] and "NumPy" in lines[0]
    checked = [line.split()[1] for line in lines if line.startswith("ok  ")]
    assert checked == CHECK_NAMES
    assert lines[-1] == "selftest passed"
    assert report.read_text(encoding="utf-8") == result.stdout
    assert "offscreen" in result.stdout  # it chose the platform itself


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="those always have a display")
def test_the_window_without_a_display_says_so_in_one_line():
    start = time.monotonic()
    result = run_without_display()
    assert time.monotonic() - start < 5
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "ganstudio: no display found (DISPLAY and WAYLAND_DISPLAY are unset); "
        "try 'ganstudio selftest' or the command line ('ganstudio --help')"]


def _missing(*args, **kwargs):
    from ganstudio.core.errors import DataError

    raise DataError("bundled/train-images.gz: the bundled MNIST file is missing from this installation")


def test_a_broken_check_is_one_line_and_status_1(monkeypatch, capsys, tmp_path):
    import ganstudio.core.data

    monkeypatch.setattr(ganstudio.core.data, "load_bundled", _missing)
    report = tmp_path / "report.txt"
    assert main(["selftest", "--report", str(report)]) == 1
    out, err = capsys.readouterr()
    failure = "selftest failed: data: bundled/train-images.gz: the bundled MNIST file is missing from this installation"
    assert err.splitlines() == [failure]
    assert "Traceback" not in out + err and "ok  " not in out
    assert report.read_text(encoding="utf-8").splitlines()[-1] == failure


def test_a_blank_window_fails_the_window_check_and_closes_it(monkeypatch, capsys, qapp):
    import ganstudio.gui.app
    import ganstudio.gui.selftest_checks as window_checks

    # The test's own application (make_application would rename it for the session).
    monkeypatch.setattr(ganstudio.gui.app, "make_application", lambda: qapp)
    monkeypatch.setattr(window_checks, "MIN_DISTINCT_COLOURS", 10**9)
    assert main(["selftest"]) == 1
    out, err = capsys.readouterr()
    assert [line.split()[1] for line in out.splitlines() if line.startswith("ok  ")] == CHECK_NAMES[:3]
    assert err.startswith("selftest failed: window: the window's picture is blank (")
    assert len(err.splitlines()) == 1
    assert not qapp.topLevelWidgets() or not any(w.isVisible() for w in qapp.topLevelWidgets())


def test_an_unwritable_report_is_one_line(monkeypatch, capsys, tmp_path):
    import ganstudio.cli.selftest_command as selftest
    import ganstudio.gui.selftest_checks as window_checks

    monkeypatch.setattr(selftest, "CHECKS", ())
    monkeypatch.setattr(window_checks, "CHECKS", ())
    assert main(["selftest", "--report", str(tmp_path / "missing" / "report.txt")]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [f"selftest failed: report: {tmp_path / 'missing' / 'report.txt'}: No such file or directory"]


def test_translations_that_were_never_compiled_fail_the_check(monkeypatch, tmp_path, qapp):
    """A build that ships the Chinese template but not its compiled .qm shows English only."""
    import shutil

    import ganstudio.gui.translations as translations
    from ganstudio.gui.selftest_checks import check_translations

    shutil.copy(translations.TRANSLATIONS_DIR / "ganstudio_zh_CN.ts", tmp_path)
    monkeypatch.setattr(translations, "TRANSLATIONS_DIR", tmp_path)
    with pytest.raises(RuntimeError, match=r"missing, unreadable or empty: ganstudio_zh_CN\.qm"):
        check_translations({})
    (tmp_path / "ganstudio_zh_CN.qm").write_bytes(b"")
    with pytest.raises(RuntimeError, match="ganstudio_zh_CN.qm"):
        check_translations({})


def test_the_judge_check_measures_the_judge_instead_of_reading_its_stored_number(monkeypatch):
    import numpy as np

    import ganstudio.core.quality.judge as judge_module
    from ganstudio.cli.selftest_command import check_judge

    judge = judge_module.load_judge()
    assert "held-out digits" in check_judge({})
    # Weights that load but name every digit a 0 (the stored accuracy still says 0.98).
    monkeypatch.setattr(judge, "predict_proba", lambda images: np.eye(10)[np.zeros(len(images), int)])
    monkeypatch.setattr(judge_module, "load_judge", lambda: judge)
    with pytest.raises(RuntimeError, match=r"names 10\.0% of the held-out digits right \(shipped: 98\.\d%\)"):
        check_judge({})
