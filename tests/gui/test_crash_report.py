"""An exception nothing caught in the window: written to the log file, shown in a dialog that
offers the report, and the session goes on."""

import logging
import threading

import pytest


@pytest.fixture
def reporter(make_window, monkeypatch, tmp_path):
    monkeypatch.setenv("GANSTUDIO_LOG_DIR", str(tmp_path / "logs"))
    from ganstudio.core.files.log_file import LOGGER
    from ganstudio.gui.crash_report import CrashReporter

    logger = logging.getLogger(LOGGER)
    handlers = list(logger.handlers)
    window = make_window()
    crashes = CrashReporter(window).install()
    yield window, crashes
    crashes.uninstall()
    if crashes.dialog is not None:
        crashes.dialog.close()
    for handler in set(logger.handlers) - set(handlers):   # the next test starts its own file
        logger.removeHandler(handler)
        handler.close()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_shown_and_the_session_kept(reporter, qtbot, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    window, crashes = reporter
    session = window.controller.session

    def broken():
        raise ZeroDivisionError("the test's division")

    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: crashes.dialog is not None and crashes.dialog.isVisible(), timeout=5000)
    dialog = crashes.dialog
    assert "ZeroDivisionError: the test's division" in dialog.text()
    log = tmp_path / "logs" / "ganstudio.log"
    assert crashes.log_path == log and str(log) in dialog.informativeText()
    written = log.read_text(encoding="utf-8")
    assert "GAN Studio" in written and "Traceback" in written and "in broken" in written
    copy = next(b for b in dialog.buttons() if b.text() == "Copy report")
    copy.click()
    assert "ZeroDivisionError" in QApplication.clipboard().text() and dialog.isVisible()
    # the session goes on
    assert window.controller.session is session and window.isVisible()
    window.actions.step.trigger()
    qtbot.waitUntil(lambda: window.controller.last_progress is not None, timeout=10_000)


@pytest.mark.qt_no_exception_capture
def test_an_error_in_another_thread_reaches_the_dialog_once(reporter, qtbot):
    window, crashes = reporter
    for _ in range(2):
        worker = threading.Thread(target=lambda: [][1])
        worker.start()
        worker.join()
    qtbot.waitUntil(lambda: len(crashes.reports) == 2, timeout=5000)
    assert crashes.dialog is not None and "IndexError" in crashes.dialog.text()   # one dialog, both logged


def test_no_log_folder_means_no_log_not_a_failure(monkeypatch, tmp_path):
    from ganstudio.core.files import log_file

    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("GANSTUDIO_LOG_DIR", str(blocker / "logs"))
    monkeypatch.setattr(logging.getLogger(log_file.LOGGER), "handlers", [])
    assert log_file.start_log("test") is None


def test_the_log_lives_in_the_platforms_log_folder(monkeypatch):
    import platformdirs

    from ganstudio.core.files import log_file

    monkeypatch.delenv("GANSTUDIO_LOG_DIR", raising=False)
    assert str(log_file.log_folder()) == platformdirs.user_log_dir("ganstudio", appauthor=False)
