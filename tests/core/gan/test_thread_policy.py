"""One BLAS thread by default, unless the user chose a thread count."""

import subprocess
import sys

from support.commands import checkout_env

PROBE = "import os, ganstudio; print(os.environ.get('OPENBLAS_NUM_THREADS'), os.environ.get('OMP_NUM_THREADS'))"


def run_probe(env_update):
    import os

    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    env.update(env_update)
    return subprocess.run([sys.executable, "-c", PROBE], env=checkout_env(env), capture_output=True,
                          text=True, check=True).stdout.split()


def test_default_is_one_blas_thread():
    assert run_probe({}) == ["1", "1"]


def test_a_user_choice_is_left_alone():
    assert run_probe({"OMP_NUM_THREADS": "4"}) == ["None", "4"]
    assert run_probe({"OPENBLAS_NUM_THREADS": "2"}) == ["2", "None"]


def _clear_thread_variables(monkeypatch):
    for name in ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"):
        monkeypatch.delenv(name, raising=False)


def test_work_runs_beside_only_where_blas_leaves_a_core_free(monkeypatch):
    import os

    from ganstudio.core.gan import second_core as beside

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    _clear_thread_variables(monkeypatch)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "1")
    assert beside.start_beside(lambda x: x * 3, 7).result() == 21
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "2")      # BLAS has both cores already
    assert beside.start_beside(lambda x: x * 3, 7) is None
    _clear_thread_variables(monkeypatch)                 # OpenBLAS's default: every core
    assert beside.blas_threads() == 2 and beside.start_beside(lambda x: x, 1) is None
    monkeypatch.setenv("OMP_NUM_THREADS", "1")           # read when the others are not set
    assert beside.blas_threads() == 1
    monkeypatch.setattr(os, "cpu_count", lambda: 1)      # one core: nothing to run beside
    assert beside.start_beside(lambda x: x, 1) is None
