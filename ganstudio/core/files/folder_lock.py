"""One writer per output folder: two runs saving into one folder at once would rename their
files into it in turns and leave a manifest describing the other run's checkpoint.

The lock is the operating system's (flock on the folder itself), so it goes with the process
however that ends (kill -9 too) and leaves no file behind. Where folders cannot be locked
(Windows; some network file systems) the folder is used unlocked, as before."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ganstudio.core.errors import OutputError

try:
    import fcntl
except ImportError:   # Windows
    fcntl = None

_BUSY = {errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES}


@contextmanager
def folder_lock(folder: str | Path) -> Iterator[None]:
    """Holds `folder` (which exists) for this process, or raises OutputError at once if
    another process (or another holder in this one) has it."""
    handle = _open_folder(Path(folder))
    try:
        if handle is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno in _BUSY:
                    raise OutputError(f"{folder} is in use by another GAN Studio run; "
                                      "wait for it or choose another --out") from None
                # The file system cannot lock (ENOLCK, EINVAL): go on unlocked.
        yield
    finally:
        if handle is not None:
            os.close(handle)   # releases the lock


def _open_folder(folder: Path) -> int | None:
    if fcntl is None:
        return None
    return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
