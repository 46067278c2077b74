"""Test-wide setup. The offscreen platform must be chosen before anything imports Qt."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The tests sit in folders that mirror the code (tests/core/data/, tests/gui/window/, ...) and
# import their helpers as `support.<module>` from tests/support/: tests/ must be on sys.path
# whatever pytest's import mode (the default one adds this folder too; importlib does not).
TESTS = str(Path(__file__).resolve().parent)
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

# One BLAS thread for the whole test process, set here explicitly before anything imports NumPy
# (importing ganstudio no longer sets it: a library leaves its host's environment alone; the
# `ganstudio` command, the frozen app and `python -m ganstudio` set it in their entry points).
# The recorded numbers of tests/core/training/test_same_numbers_as_before.py were taken at one
# thread: timings and the last bits of sums depend on it. A thread count the user set is kept.
from ganstudio.blas_threads import one_blas_thread  # noqa: E402, I001

one_blas_thread()
assert "numpy" not in sys.modules, "conftest must set the BLAS threads before NumPy is imported"

import pytest  # noqa: E402  (after the platform is chosen)


def _read_only(dataset):
    # Shared by every test of the session: a test that wrote into it would change later tests' data.
    for array in (dataset.images, dataset.labels):
        array.flags.writeable = False
    return dataset


@pytest.fixture(scope="session")
def small_data():
    """The one small dataset the tests train on (support/small_runs.py says which images)."""
    from support.small_runs import small_dataset

    return _read_only(small_dataset())


@pytest.fixture(scope="session")
def bundled_train():
    """All 8,000 bundled training digits, for tests that need the app's own data: the classic
    algorithm's 1,000 real images an iteration, the judge's numbers, whole presets."""
    from ganstudio.core.data import load_bundled

    return _read_only(load_bundled("train"))


@pytest.fixture(scope="session")
def bundled_held_out():
    """The 2,000 bundled held-out digits (what the judge and the quality panel measure on)."""
    from ganstudio.core.data import load_bundled

    return _read_only(load_bundled("test"))


# Fixtures shared by the window tests. Qt is imported inside them, never at module level:
# test_core_without_qt runs with Qt made unimportable.
@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    from ganstudio.gui.window.saved_settings import WindowSettings

    return WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot, settings, monkeypatch, tmp_path, small_data):
    """Builds shown windows on the tiny configuration; pytest-qt closes them afterwards."""
    monkeypatch.setenv("GANSTUDIO_DATA_DIR", str(tmp_path / "data"))
    from ganstudio.gui import zoom
    from ganstudio.gui.main_window import MainWindow

    from support.gui import TINY_CONFIG

    # The zoom is the application's font: a window built while an earlier test's 300 % was
    # still set measured its fixed sizes in it (1,300 px wide at 100 %). A new process starts
    # at the base font; so does each test.
    zoom.set_current(zoom.NORMAL_ZOOM)

    def make(config=TINY_CONFIG, dataset=None, window_settings=None):
        window = MainWindow(window_settings or settings, dataset or small_data, config)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


# Threads that live as long as the process by design: core/engine/threads.py's helper pool.
PROCESS_WIDE_THREADS = ("ganstudio-beside",)


@pytest.fixture(autouse=True)
def no_thread_left_running(monkeypatch):
    """Fails a test that leaves a QThread or a Python thread running: a leaked thread trains on,
    or crashes the next test, or aborts the process at exit ("QThread: Destroyed while thread is
    still running"). threading cannot see QThreads, so QThread.start is watched (napari's way)."""
    import threading
    import weakref

    from PySide6.QtCore import QThread
    from shiboken6 import isValid

    started: list[weakref.ref] = []
    original_start = QThread.start

    def watched_start(thread, *args, **kwargs):
        started.append(weakref.ref(thread))
        return original_start(thread, *args, **kwargs)

    monkeypatch.setattr(QThread, "start", watched_start)
    before = set(threading.enumerate())
    yield
    qthreads = [t for ref in started if (t := ref()) is not None and isValid(t) and t.isRunning()]
    # A _DummyThread is Python's stand-in for a thread it did not start (a QThread that started
    # a Python thread, e.g. the helper beside training): it cannot be joined, and the QThread it
    # stands for is checked above.
    python = [t for t in threading.enumerate() if t not in before and t.is_alive()
              and not t.name.startswith(PROCESS_WIDE_THREADS) and not isinstance(t, threading._DummyThread)]
    for thread in python:
        thread.join(timeout=5)   # one that is ending anyway gets the time to do so
    python = [t for t in python if t.is_alive()]
    assert not qthreads and not python, (
        f"threads left running: {[type(t).__name__ for t in qthreads] + [t.name for t in python]}")
