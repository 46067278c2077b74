"""The export formats' packages are optional (the `export` extra): GAN Studio trains, draws
and saves without them, and asking for a format whose package is missing says so in one line."""

from __future__ import annotations

import importlib

from ganstudio.core.errors import ExportError

INSTALL_HINT = "pip install 'ganstudio[export]'"


def require(module: str, purpose: str):
    """The imported `module`, or an ExportError naming it and how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ExportError(f"{purpose} needs the {module.split('.')[0]} package, which is not "
                          f"installed ({INSTALL_HINT})") from None
