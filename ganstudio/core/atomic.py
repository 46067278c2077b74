"""Writing a file so that a failure (a full disk, a pulled USB stick) never leaves it half
written: the data goes to a temporary file beside it, is flushed to the disk, and only then
takes the file's name. A failed write leaves the old file as it was, and no temporary."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_file(path: str | Path, mode: str = "wb", **open_args) -> Iterator:
    """`with atomic_file(path) as f: f.write(...)` — `path` changes only if the block ends well."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, mode, **open_args) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
