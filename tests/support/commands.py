"""Running GAN Studio in a child process, on this checkout's code.

An editable install elsewhere (another worktree) would otherwise win in a child whose working
folder or script folder is not the checkout's root: PYTHONPATH puts REPO first."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping

from support import REPO


def checkout_env(base: Mapping[str, str] | None = None, **changes: str) -> dict[str, str]:
    """`base` (the test process's environment by default) with `changes`, importing ganstudio
    from REPO."""
    env = dict(os.environ if base is None else base, **changes)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def ganstudio(*args, timeout: float = 120, cwd=None, env: Mapping[str, str] | None = None):
    """`ganstudio ARGS` (as `python -m ganstudio`), its output captured as text."""
    return subprocess.run([sys.executable, "-m", "ganstudio", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, cwd=cwd, env=checkout_env(env))
