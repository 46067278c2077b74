"""Helpers for the window tests: a tiny, fast configuration and a small slice of the bundled
digits (the fixtures that use them are in conftest.py)."""

from __future__ import annotations

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset
from ganstudio.core.data import Dataset, load_bundled

TINY_CONFIG = with_overrides(get_preset("fast"), {
    "g_hidden": (32,), "d_hidden": (32,), "noise_dim": 16, "batch_size": 16,
    "iterations": 1_000_000,
})


def tiny_dataset() -> Dataset:
    full = load_bundled()
    return Dataset(full.images[:600].copy(), full.labels[:600].copy(), "MNIST (bundled, 600)",
                   "bundled")


def iterations_so_far(window) -> int:
    """The iteration the window has shown (before any progress: the session's own)."""
    last = window.controller.last_progress
    return window.controller.session.iteration if last is None else last.iteration
