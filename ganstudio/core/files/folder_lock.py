"""One writer per output folder: two runs saving into one folder at once would rename their
files into it in turns and leave a manifest describing the other run's checkpoint. The same
lock tells a temporary folder (or file) that a live export is filling from one a killed export
left behind (atomic.py's `remove_stale_temporaries`).

How a folder is held, by system. Either way the lock is the operating system's, so it goes
with the process however that ends (kill -9 too):
- POSIX (Linux, macOS): flock on the folder itself. Nothing is written into the folder.
- Windows, which has no flock and cannot open a folder to lock it: `msvcrt.locking` on the
  first byte of a lock file in the folder, LOCK_FILE_NAME. The holder removes the file when it
  lets go; one left by a killed holder is simply locked again by the next run (the lock, not the
  file, says who holds the folder), and a run that finds the folder held cannot remove it
  (Windows deletes no file another process has open).
- A file system that cannot lock (ENOLCK, EINVAL: some network shares): the folder is used
  unlocked, as before the lock existed.

What runs where: the POSIX branch is tested here for real. The Windows branch is tested here
with `msvcrt` replaced by a stand-in built on flock (tests/core/files/test_folder_lock.py):
that checks this module's protocol (open, lock, busy, unlock, remove the file), not Windows'
own locking, which no test here can run. `hold_folder` (the temporary folders) has no Windows
branch: there it returns None and stale temporaries are left alone rather than guessed at."""

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
try:
    import msvcrt
except ImportError:   # everywhere else
    msvcrt = None

LOCK_FILE_NAME = ".ganstudio-lock"   # Windows only: what msvcrt.locking locks
# Another holder has it: flock's EWOULDBLOCK/EAGAIN, Windows' locking violation (EACCES;
# EDEADLOCK, 36 there, when it gave up waiting).
_BUSY = {errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK)}


class FolderBusy(OutputError):
    """Another process (or another holder in this one) holds the folder."""


@contextmanager
def folder_lock(folder: str | Path) -> Iterator[None]:
    """Holds `folder` (which exists) for this process, or raises OutputError at once if
    another process (or another holder in this one) has it."""
    folder = Path(folder)
    try:
        release = _lock_file(folder) if fcntl is None and msvcrt is not None else _flock_release(folder)
    except FolderBusy:
        raise FolderBusy(f"{folder} is in use by another GAN Studio run; "
                         "wait for it or choose another --out") from None
    try:
        yield
    finally:
        release()


def hold_folder(folder: str | Path, follow_links: bool = True) -> int | None:
    """Takes the lock on `folder` at once and returns the open handle that holds it (close it
    to let go); None where folders cannot be locked (Windows, some network file systems).
    Raises FolderBusy if someone holds it, OSError if it cannot be opened (or, without
    `follow_links`, is a symbolic link)."""
    return _hold(folder, getattr(os, "O_DIRECTORY", 0), follow_links)


def hold_file(path: str | Path) -> int | None:
    """hold_folder for a file (a temporary being written, atomic.py), never through a link."""
    return _hold(path, 0, follow_links=False)


def hold_open_file(handle: int) -> int | None:
    """Locks the file open as `handle` and returns a second handle that holds the lock until it
    is closed (the first may be closed as soon as the file is written); None where it cannot
    be locked. Raises FolderBusy if someone holds it."""
    if fcntl is None:
        return None
    return _lock(os.dup(handle), "the file")


def _hold(path: str | Path, kind_flags: int, follow_links: bool) -> int | None:
    if fcntl is None:
        return None
    flags = os.O_RDONLY | kind_flags | (0 if follow_links else getattr(os, "O_NOFOLLOW", 0))
    return _lock(os.open(path, flags), path)


def _lock(handle: int, what) -> int | None:
    """Takes the lock on `handle` at once, or closes it: the handle, or None where the file
    system cannot lock (ENOLCK, EINVAL). FolderBusy if another holder has it."""
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(handle)
        if exc.errno in _BUSY:
            raise FolderBusy(f"{what} is held by another process") from None
        return None
    except BaseException:
        os.close(handle)
        raise
    return handle


def _flock_release(folder: Path):
    handle = hold_folder(folder)
    return (lambda: None) if handle is None else (lambda: os.close(handle))   # closing releases


def _lock_file(folder: Path):
    """The Windows branch: a lock on the first byte of LOCK_FILE_NAME in `folder`."""
    path = folder / LOCK_FILE_NAME
    try:
        handle = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
    except OSError:   # no file can be made here: the writes that follow will say why
        return lambda: None
    try:
        msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)   # from offset 0, where a new handle stands
    except OSError as exc:
        os.close(handle)
        if exc.errno in _BUSY:
            raise FolderBusy(f"{folder} is held by another process") from None
        return lambda: None   # cannot lock here: unlocked, as on any such file system
    except BaseException:
        os.close(handle)
        raise

    def release() -> None:
        try:
            os.lseek(handle, 0, os.SEEK_SET)
            msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass   # closing the handle lets go of it too
        finally:
            os.close(handle)
        try:
            os.unlink(path)   # fails, harmlessly, while another run has it open
        except OSError:
            pass
    return release
