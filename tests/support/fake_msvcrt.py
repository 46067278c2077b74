"""A stand-in for Windows' `msvcrt` module on POSIX, for folder_lock.py's Windows branch:
`locking(fd, LK_NBLCK, 1)` fails with EACCES (a locking violation, as Windows reports it) while
another open handle holds the lock, and the lock goes with the handle or with LK_UNLCK. Built on
flock, which like Windows' locks belongs to an open handle, not to the whole process. It checks
folder_lock.py's protocol, not Windows' own locking."""

import errno
import fcntl
import os

LK_UNLCK, LK_LOCK, LK_NBLCK = 0, 1, 2   # msvcrt's values
calls: list[tuple[int, int]] = []        # (mode, bytes), in order


def locking(fd: int, mode: int, nbytes: int) -> None:
    calls.append((mode, nbytes))
    if os.lseek(fd, 0, os.SEEK_CUR) != 0:
        raise AssertionError("folder_lock locks and unlocks the first byte")
    if mode == LK_NBLCK:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OSError(errno.EACCES, "Permission denied") from None
    elif mode == LK_UNLCK:
        fcntl.flock(fd, fcntl.LOCK_UN)
    else:
        raise AssertionError(f"folder_lock never waits for a lock (mode {mode})")
