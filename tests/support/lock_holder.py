"""A folder lock held by another process for as long as a `with` block runs: the child says
"held" once it has the lock (the test waits on the pipe, not on a clock) and lets go when its
standard input closes."""

from __future__ import annotations

import subprocess
import sys
from contextlib import contextmanager

from support import TESTS
from support.commands import checkout_env


@contextmanager
def lock_held_by_child(folder, windows_stand_in: bool = False):
    """`windows_stand_in`: the child takes the Windows branch, msvcrt played by support.fake_msvcrt."""
    take = ("from ganstudio.core.files import folder_lock as module\n"
            + ("from support import fake_msvcrt\nmodule.fcntl, module.msvcrt = None, fake_msvcrt\n"
               if windows_stand_in else "")
            + "import sys\nwith module.folder_lock(sys.argv[1]):\n"
              "    print('held', flush=True); sys.stdin.read()\n")
    env = checkout_env()
    env["PYTHONPATH"] = f"{env['PYTHONPATH']}:{TESTS}"
    child = subprocess.Popen([sys.executable, "-c", take, str(folder)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout.readline().strip() == "held"
        yield
    finally:
        child.stdin.close()
        assert child.wait(timeout=60) == 0
