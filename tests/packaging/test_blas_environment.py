"""The BLAS thread variables: the entry points set one thread before NumPy loads, unless the
user chose; importing ganstudio as a library leaves the host's environment alone."""

import subprocess
import sys

from support import REPO
from support.commands import checkout_env

SHOW = "import os; print(os.environ.get('OPENBLAS_NUM_THREADS'), os.environ.get('OMP_NUM_THREADS'))"
# `import ganstudio` as a library: the host's environment stays as it was.
IMPORT_PROBE = "import ganstudio, ganstudio.core.data, ganstudio.launcher; " + SHOW
# The entry point (launcher.main, which `ganstudio`, `python -m ganstudio` and the frozen app
# run), with the command line replaced by a stub that shows the environment it got.
ENTRY_PROBE = ("import sys, types; stub = types.ModuleType('ganstudio.cli.main'); "
               "stub.main = lambda argv, **kw: exec(SHOW) or 0; sys.modules['ganstudio.cli.main'] = stub; "
               "from ganstudio.launcher import main; main([])")


def run_probe(env_update, code=ENTRY_PROBE):
    import os

    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    env.update(env_update)
    return subprocess.run([sys.executable, "-c", f"SHOW = {SHOW!r}\n" + code], env=checkout_env(env),
                          capture_output=True, text=True, check=True).stdout.split()


def test_default_is_one_blas_thread():
    assert run_probe({}) == ["1", "1"]


def test_a_user_choice_is_left_alone():
    assert run_probe({"OMP_NUM_THREADS": "4"}) == ["None", "4"]
    assert run_probe({"OPENBLAS_NUM_THREADS": "2"}) == ["2", "None"]


def test_importing_ganstudio_leaves_the_environment_alone():
    assert run_probe({}, IMPORT_PROBE) == ["None", "None"]


def test_the_frozen_entries_set_it_before_numpy():
    for name in ("packaging/entry.py", "packaging/entry_window.py", "ganstudio/__main__.py"):
        source = (REPO / name).read_text()
        assert source.index("one_blas_thread()") < source.index("from ganstudio.launcher import"), name
