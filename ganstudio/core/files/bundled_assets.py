"""Where the bundled, offline assets are: inside the installed package (wheel) or in the
repository's top-level assets/ folder (source checkout, editable install); and `once`, for what
is built from them a single time per process."""

from __future__ import annotations

import functools
import threading
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[2]   # ganstudio/


def assets_dir() -> Path:
    for candidate in (_PACKAGE_DIR / "_assets", _PACKAGE_DIR.parent / "assets"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("GAN Studio's bundled assets folder is missing from this installation")


def asset_path(name: str) -> Path:
    return assets_dir() / name


def once(build):
    """`build()` on the first call, its result afterwards. Thread-safe: the window's background
    jobs may ask at the same moment, and a second build would waste a fraction of a second."""
    lock, built = threading.Lock(), []

    @functools.wraps(build)
    def cached():
        with lock:
            if not built:
                built.append(build())
            return built[0]
    return cached
