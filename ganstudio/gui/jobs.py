"""The one way the window runs slow work off the GUI thread: opening or downloading a dataset,
judging samples, evaluating G.

    runner = JobRunner(parent, latest_only=False)
    runner.submit(work, on_success, on_failure, on_progress=None)

`work(report)` runs in a thread of its own and may call report(done, total) there. Exactly one
of on_success(result) or on_failure(message) then runs on the GUI thread: any exception is one
readable line, so the caller always gets the chance to restore its UI. With latest_only, one job
runs at a time and a request made meanwhile waits, replacing an older waiting one (a live chart
never builds a queue). cancel() drops the waiting request and the results of jobs still running;
shutdown() also waits for them, so no thread outlives the window, or abandons them when the
process is about to end anyway (see jobs_running()).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from ganstudio.core.errors import GanStudioError

Report = Callable[[float, float], None]
Work = Callable[[Report], object]


def describe_failure(error: Exception) -> str:
    """One line for the user: our own errors as they are, an OSError with its file, anything
    else (a bug) with its type."""
    if isinstance(error, GanStudioError):
        return str(error)
    if isinstance(error, OSError):
        return f"{getattr(error, 'filename', '') or ''} {error.strerror or error}".strip()
    return f"{type(error).__name__}: {error}"


class _Worker(QThread):
    done = Signal(object, bool, object)       # the worker, succeeded, result or message
    progress = Signal(object, float, float)   # the worker, done, total (0 when unknown)

    def __init__(self, work: Work, on_success, on_failure, on_progress) -> None:
        super().__init__()   # no parent: a running QThread must never be deleted with its owner
        self.work, self.on_success, self.on_failure = work, on_success, on_failure
        self.on_progress = on_progress
        self.wanted = True   # False once cancelled: its result is stale

    def run(self) -> None:
        try:
            result = self.work(lambda done, total: self.progress.emit(self, float(done),
                                                                      float(total or 0)))
        except Exception as error:  # noqa: BLE001 - every failure must reach the caller's UI
            self.done.emit(self, False, describe_failure(error))
        else:
            self.done.emit(self, True, result)


# Every started worker is referenced here until its runner has seen it end; one abandoned, or
# whose runner went away, stays for good. A QThread garbage-collected while it runs aborts the
# process; a finished one costs nothing.
_ALIVE: set[_Worker] = set()


def jobs_running() -> bool:
    """Whether any job, abandoned ones included, still runs."""
    return any(worker.isRunning() for worker in _ALIVE)


class JobRunner(QObject):
    def __init__(self, parent: QObject | None = None, latest_only: bool = False) -> None:
        super().__init__(parent)
        self.latest_only = latest_only
        self._running: set[_Worker] = set()
        self._waiting: tuple | None = None

    @property
    def busy(self) -> bool:
        return bool(self._running) or self._waiting is not None

    def submit(self, work: Work, on_success: Callable[[object], None],
               on_failure: Callable[[str], None],
               on_progress: Callable[[float, float], None] | None = None) -> None:
        request = (work, on_success, on_failure, on_progress)
        if self.latest_only and self._running:
            self._waiting = request
            return
        worker = _Worker(*request)
        # Both signals come from the worker's thread; this runner lives on the GUI thread, so
        # they are queued to it.
        worker.done.connect(self._done)
        worker.progress.connect(self._progress)
        self._running.add(worker)
        _ALIVE.add(worker)
        worker.start()

    def cancel(self) -> None:
        """Forget the waiting request and whatever the running jobs will return."""
        self._waiting = None
        for worker in self._running:
            worker.wanted = False

    def shutdown(self, wait: bool = True) -> None:
        """Cancel, then wait for the running jobs (a download must be told to stop first);
        with wait=False leave them to end on their own, their results dropped."""
        self.cancel()
        for worker in list(self._running):
            if wait:
                self._forget(worker)
            else:
                self._running.discard(worker)   # stays in _ALIVE: jobs_running() sees it

    def _progress(self, worker: _Worker, done: float, total: float) -> None:
        if worker.wanted and worker.on_progress is not None:
            worker.on_progress(done, total)

    def _done(self, worker: _Worker, succeeded: bool, outcome) -> None:
        if worker not in self._running:
            return   # shut down already
        self._forget(worker)
        try:
            if worker.wanted:
                (worker.on_success if succeeded else worker.on_failure)(outcome)
        finally:
            waiting, self._waiting = self._waiting, None
            if waiting is not None:
                self.submit(*waiting)

    def _forget(self, worker: _Worker) -> None:
        worker.wait()   # at most a moment after `done`: it is the thread's last act
        self._running.discard(worker)
        _ALIVE.discard(worker)
        worker.done.disconnect(self._done)
        worker.progress.disconnect(self._progress)
