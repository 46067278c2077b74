"""The window tells the one thread policy (core/engine/threads.py) that a GUI thread needs its
share: on 4 cores training then computes on 3, and on 2 cores as on the command line."""

import subprocess
import sys

from support.commands import checkout_env

SCRIPT = """
import os
for name in [n for n in os.environ if n.endswith("_NUM_THREADS") or n == "GANSTUDIO_THREADS"]:
    del os.environ[name]   # the app's own defaults, whatever the test process inherited
from ganstudio.blas_threads import one_blas_thread
one_blas_thread()   # what the entry points (launcher.main) do before NumPy loads
from ganstudio.core.engine import threads
threads.available_cores = lambda: int(os.environ["CORES"])
threads.configure()   # the command line's choice, decided again on the pretended cores
print(threads.workers(), end=" ")
from ganstudio.gui.app import make_application
app = make_application([])
print(threads.workers())
"""


def _workers(cores: int) -> list[str]:
    # In a process of its own: make_application names the application for its settings.
    env = checkout_env(QT_QPA_PLATFORM="offscreen", CORES=str(cores))
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            env=env, timeout=60, check=True)
    return result.stdout.split()


def test_the_window_leaves_a_core_for_its_gui_thread():
    assert _workers(4) == ["4", "3"]
    assert _workers(2) == ["2", "2"]
