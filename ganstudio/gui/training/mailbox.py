"""Hands Progress records from the training thread to the window without ever blocking either.

The training thread posts every record; the window drains them all at once, at most ~30 times
a second. The Qt signal that says "there is mail" is sent only when the box goes from empty to
non-empty, so however fast training runs the GUI's event queue holds at most one such event."""

from __future__ import annotations

import threading


class ProgressMailbox:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list = []

    def post(self, progress) -> bool:
        """Adds one record; True when the box was empty (the caller should notify the GUI)."""
        with self._lock:
            self._items.append(progress)
            return len(self._items) == 1

    def drain(self) -> list:
        with self._lock:
            items, self._items = self._items, []
        return items
