"""One BLAS thread by default, unless the user chose a thread count."""

import subprocess
import sys

PROBE = "import os, ganstudio; print(os.environ.get('OPENBLAS_NUM_THREADS'), os.environ.get('OMP_NUM_THREADS'))"


def run_probe(env_update):
    import os

    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    env.update(env_update)
    return subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                          check=True).stdout.split()


def test_default_is_one_blas_thread():
    assert run_probe({}) == ["1", "1"]


def test_a_user_choice_is_left_alone():
    assert run_probe({"OMP_NUM_THREADS": "4"}) == ["None", "4"]
    assert run_probe({"OPENBLAS_NUM_THREADS": "2"}) == ["2", "None"]
