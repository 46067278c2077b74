"""Where the bundled, offline assets are: inside the installed package (wheel) or in the
repository's top-level assets/ folder (source checkout, editable install)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[1]


def assets_dir() -> Path:
    for candidate in (_PACKAGE_DIR / "_assets", _PACKAGE_DIR.parent / "assets"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("GAN Studio's bundled assets folder is missing from this installation")


def asset_path(name: str) -> Path:
    return assets_dir() / name
