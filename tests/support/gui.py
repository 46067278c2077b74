"""Helpers for the window tests: a tiny, fast configuration (the fixtures that use it, and the
small subset of the bundled digits the windows train on, are in conftest.py)."""

from __future__ import annotations

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset

TINY_CONFIG = with_overrides(get_preset("fast"), {
    "g_hidden": (32,), "d_hidden": (32,), "noise_dim": 16, "batch_size": 16,
    "iterations": 1_000_000,
})


def iterations_so_far(window) -> int:
    """The iteration the window has shown (before any progress: the session's own)."""
    last = window.controller.last_progress
    return window.controller.session.iteration if last is None else last.iteration
