"""The export formats' packages are optional (the `export` extra): GAN Studio trains, draws
and saves without them, and asking for a format whose package is missing says so in one line.
The packaged app bundles them; should one still be missing there, the line does not tell the
user to run pip (there is no pip inside a frozen app): it asks for a full download instead."""

from __future__ import annotations

import importlib
import importlib.util
import sys

from ganstudio.core.errors import ExportError

INSTALL_HINT = "pip install 'ganstudio[export]'"
FROZEN_HINT = "this build of GAN Studio lacks it; install the full package from the project's releases"


def install_hint() -> str:
    """How the user gets the export packages: pip for an installed package, a complete build
    for the frozen app (PyInstaller sets sys.frozen)."""
    return FROZEN_HINT if getattr(sys, "frozen", False) else INSTALL_HINT


def missing(module: str) -> str | None:
    """The top-level package `module` needs if it cannot be imported here, else None. Looks for
    the package without importing it (the window asks before the dialog opens)."""
    top = module.split(".")[0]
    if sys.modules.get(top, False) is None:   # blocked (a test's sys.modules[name] = None)
        return top
    try:
        found = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        found = None
    return None if found is not None else top


def require(module: str, purpose: str):
    """The imported `module`, or an ExportError naming it and how to get it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ExportError(f"{purpose} needs the {module.split('.')[0]} package, which is not "
                          f"installed ({install_hint()})") from None
