"""The one background-work helper: any failure reaches the caller's UI as one line, latest-only
requests replace each other, cancelled results are dropped, shutdown leaves no thread."""

from __future__ import annotations

import threading

from ganstudio.gui.jobs import JobRunner


def _blocking(gate: threading.Event, value):
    def work(report):
        gate.wait(10)
        return value
    return work


def test_a_download_that_raises_any_exception_reenables_the_button_and_says_so(
        make_window, qtbot, monkeypatch):
    def broken(spec, report, cancel=None):
        raise RuntimeError("something unforeseen")

    monkeypatch.setattr("ganstudio.core.data.access.download", broken)
    window = make_window()
    panel = window.data_panel
    panel.combo.setCurrentIndex(panel.combo.findData("mnist"))
    assert not panel.download.isHidden()
    panel.download.click()
    qtbot.waitUntil(window.message_bar.isVisible, timeout=10_000)
    assert window.message_bar.label.text() == "RuntimeError: something unforeseen"
    assert panel.download.isEnabled() and panel.progress.isHidden()
    assert window.dataset.source == "bundled"


def test_latest_only_runs_the_newest_waiting_request_and_skips_the_rest(qtbot):
    runner = JobRunner(latest_only=True)
    gate, results = threading.Event(), []
    runner.submit(_blocking(gate, "first"), results.append, results.append)
    runner.submit(lambda report: "superseded", results.append, results.append)
    runner.submit(lambda report: "newest", results.append, results.append)
    assert runner.busy
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert results == ["first", "newest"]


def test_cancelled_results_are_dropped_and_shutdown_waits(qtbot):
    runner = JobRunner(latest_only=True)
    gate, results = threading.Event(), []
    runner.submit(_blocking(gate, "stale"), results.append, results.append)
    runner.submit(lambda report: "waiting", results.append, results.append)
    runner.cancel()
    gate.set()
    runner.shutdown()          # returns once the thread has ended; the fixture checks none runs
    qtbot.wait(50)             # let any queued delivery arrive: none may
    assert results == [] and not runner.busy


def test_failures_are_one_line_and_progress_arrives_on_the_gui_thread(qtbot):
    runner = JobRunner()
    seen, failures = [], []

    def work(report):
        report(1, 2)
        raise KeyError("gone")

    runner.submit(work, seen.append, failures.append,
                  lambda done, total: seen.append((done, total, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    assert failures == ["KeyError: 'gone'"]
    assert seen == [(1.0, 2.0, threading.main_thread())]
    assert not runner.busy


def test_shutdown_without_waiting_abandons_the_job_and_drops_its_result(qtbot):
    from ganstudio.gui.jobs import jobs_running

    runner = JobRunner()
    gate, results = threading.Event(), []
    runner.submit(_blocking(gate, "abandoned"), results.append, results.append)
    runner.shutdown(wait=False)
    assert not runner.busy and jobs_running()    # the app sees it and does not wait for it
    gate.set()
    qtbot.waitUntil(lambda: not jobs_running(), timeout=10_000)
    qtbot.wait(50)
    assert results == []
