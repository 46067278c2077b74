"""Writing a file so that a failure (a full disk, a pulled USB stick, Ctrl-C, a crash) never
leaves it half written: the data goes to a temporary file beside it, is flushed to the disk,
and only then takes the file's name; the folder is flushed after the rename, so the new name
survives a power cut. A failed or interrupted write leaves the old file as it was, and no
temporary.

Temporary names are unique (`.NAME.<random>.ganstudio-file.tmp`, hidden, in the same folder
so the rename never crosses file systems), so two writers of one file never share a temporary:
the last rename wins and each reader sees one whole version. NAME is cut to its first bytes, so
a name as long as the file system allows still has a temporary it allows.

A folder (`atomic_folder`) is built under `.NAME.<random>.ganstudio.tmp`. Both kinds of
temporary are held, while they are filled, by the lock of folder_lock.py. A process killed with
kill -9 cannot remove its temporaries; the first write of a process into a folder (and every
`atomic_folder` or export) removes those of our naming there that no live process holds
(`remove_stale_temporaries`). Nothing else is touched: not a hidden file or folder of another
naming, not a link, not a temporary whose holder is alive."""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ganstudio.core.errors import OutputError
from ganstudio.core.files.folder_lock import FolderBusy, hold_file, hold_folder, hold_open_file

TEMPORARY_SUFFIX = ".tmp"
# NTFS journals a rename itself, and Windows cannot open a folder for fsync.
FOLDERS_CAN_SYNC = os.name == "posix"
# fsync on a folder: some file systems (and every Windows one) cannot, and say so with these.
_CANNOT_SYNC_FOLDER = {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF, errno.EACCES, errno.EISDIR}


NAME_BYTES_KEPT = 32   # of the target's name, in its temporary's: enough to recognise it
# What marks a temporary folder as GAN Studio's own (atomic_folder's, and an old folder on its
# way out), so that a stale one can be told from anything else.
FOLDER_MARK = ".ganstudio"
FILE_MARK = ".ganstudio-file"   # the same for a file's temporary
STALE_FOLDER_NAME = re.compile(r"\..+\.[0-9a-f]{12}" + re.escape(FOLDER_MARK + TEMPORARY_SUFFIX), re.DOTALL)
STALE_FILE_NAME = re.compile(r"\..+\.[0-9a-f]{12}" + re.escape(FILE_MARK + TEMPORARY_SUFFIX), re.DOTALL)
# Folders this process has cleaned of stale temporaries: once each is enough (an autosave
# writes every few seconds; a killed process's leftovers go at the next start).
_cleaned_folders: set[str] = set()


def temporary_name(path: Path, mark: str = "") -> Path:
    """A fresh hidden name beside `path`, at most NAME_BYTES_KEPT + 18 bytes (plus `mark`'s)
    long whatever the length of `path`'s name (file systems allow 255)."""
    start = os.fsdecode(os.fsencode(path.name)[:NAME_BYTES_KEPT])   # bytes, not characters
    return path.with_name(f".{start}.{secrets.token_hex(6)}{mark}{TEMPORARY_SUFFIX}")


def check_file_target(path: Path) -> None:
    """Raises IsADirectoryError (an OSError: callers name the path) for a target that is a
    folder, such as `.`, before a temporary is made for it."""
    if not path.name or path.name == ".." or path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "it is a folder, not a file", str(path))


def refuse_overwriting_input(source: str | Path, target: str | Path) -> None:
    """An OutputError when writing `target` would replace `source` (the same file under any
    name, a hard link too): the input would be lost if the output then failed."""
    source, target = Path(source), Path(target)
    try:
        same = os.path.samefile(source, target)
    except OSError:   # one of them does not exist (yet): different files
        same = False
    if same:
        raise OutputError(f"--out {target} is the input file itself; write to another path")


def _create_temporary(path: Path) -> tuple[int, Path, int | None]:
    """A new, empty file beside `path` that no other writer can be using (O_EXCL): its write
    handle, its name, and the handle that holds its lock (None where files cannot be locked).
    Another process's clean-up may find it in the instant between its creation and its lock,
    and take it away: then another name is tried."""
    check_file_target(path)
    _clean_once(path.parent)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = temporary_name(path, FILE_MARK)
        try:
            # 0o666 less the umask: the file gets the permissions a plain open() would give it.
            handle = os.open(temporary, flags, 0o666)
        except FileExistsError:
            continue
        try:
            hold = hold_open_file(handle)
        except FolderBusy:   # a clean-up has it, and is removing it
            os.close(handle)
            continue
        if hold is None or _is_open_as(temporary, hold):
            return handle, temporary, hold
        os.close(handle)   # locked after a clean-up had removed it
        os.close(hold)


def _clean_once(folder: Path) -> None:
    key = os.path.abspath(folder)
    if key not in _cleaned_folders:
        _cleaned_folders.add(key)
        remove_stale_temporaries(key)


def fsync_folder(folder: str | Path) -> None:
    """Makes renames and new names in `folder` durable, where the system can (not Windows)."""
    if not FOLDERS_CAN_SYNC:
        return
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        if exc.errno in _CANNOT_SYNC_FOLDER:
            return
        raise
    try:
        os.fsync(handle)
    except OSError as exc:
        if exc.errno not in _CANNOT_SYNC_FOLDER:
            raise
    finally:
        os.close(handle)


class StagedFile:
    """A temporary beside `path`, written and flushed to the disk by `open()`, that takes
    `path`'s name on `commit()`. `discard()` removes it; both may be called more than once."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.temporary: Path | None = None
        self._hold: int | None = None   # keeps the temporary locked: a live write, not a stale one

    @contextmanager
    def open(self, mode: str = "wb", **open_args) -> Iterator:
        handle_number, self.temporary, self._hold = _create_temporary(self.path)
        try:
            try:
                handle = os.fdopen(handle_number, mode, **open_args)
            except BaseException:
                os.close(handle_number)
                raise
            with handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:  # also KeyboardInterrupt and SystemExit: never leave a temporary
            self.discard()
            raise

    def commit(self) -> None:
        """Gives the temporary the real name; the caller flushes the folder (once for many)."""
        if self.temporary is None:
            raise RuntimeError(f"nothing was written for {self.path}")
        os.replace(self.temporary, self.path)
        self.temporary = None
        self._let_go()

    def discard(self) -> None:
        if self.temporary is not None:
            self.temporary.unlink(missing_ok=True)
            self.temporary = None
        self._let_go()

    def _let_go(self) -> None:
        if self._hold is not None:
            os.close(self._hold)
            self._hold = None


@contextmanager
def written(target, mode: str = "wb", **open_args) -> Iterator:
    """`with written(target) as f:` for writers that take a path or an open file: a file given
    (one of a FileSet's, already staged and flushed by it) is written as it is, a path through
    atomic_file."""
    if hasattr(target, "write"):
        yield target
        return
    with atomic_file(target, mode, **open_args) as handle:
        yield handle


@contextmanager
def atomic_file(path: str | Path, mode: str = "wb", **open_args) -> Iterator:
    """`with atomic_file(path) as f: f.write(...)` — `path` changes only if the block ends well."""
    staged = StagedFile(path)
    try:
        with staged.open(mode, **open_args) as handle:
            yield handle
        staged.commit()
    except BaseException:
        staged.discard()
        raise
    fsync_folder(staged.path.parent)


def write_together(contents: dict[Path, bytes]) -> None:
    """Writes several files so that either all of them change or none does: each is staged
    in full (a full disk or a folder in the way shows here) before the first takes its name."""
    staged = []
    try:
        for path, data in contents.items():
            staged.append(StagedFile(path))
            try:
                with staged[-1].open() as handle:
                    handle.write(data)
            except OSError as exc:   # named by its target, not by its temporary
                raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from None
        for file in staged:
            file.commit()
    finally:
        for file in staged:
            file.discard()
    for folder in {Path(path).parent for path in contents}:
        fsync_folder(folder)


@contextmanager
def atomic_folder(path: str | Path, replaceable=frozenset()) -> Iterator[Path]:
    """`with atomic_folder(path) as folder:` — fill `folder`, a new hidden folder beside `path`;
    it takes `path`'s name when the block ends well, and is removed otherwise, so `path` is
    the whole new folder, or as it was. An existing `path` is replaced only when it is empty
    or holds only names in `replaceable` (an earlier export): never the user's other files.
    Stale temporary folders that killed processes left beside `path` are removed first."""
    path = Path(os.path.abspath(path))   # "." has no name to stage beside
    _check_replaceable(path, replaceable)
    remove_stale_temporaries(path.parent)
    staging, hold = _new_staging(path)
    try:
        yield staging
        fsync_folder(staging)
        _swap_in(staging, path)
    except BaseException:   # Ctrl-C and SIGTERM too: nothing half-filled stays behind
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if hold is not None:
            os.close(hold)   # lets go of the lock (the folder has `path`'s name by now)
    fsync_folder(path.parent)


def _new_staging(path: Path) -> tuple[Path, int | None]:
    """A new, empty temporary folder beside `path`, held by this process (None where folders
    cannot be locked). Another process's clean-up may find it in the instant between its
    creation and its lock, and take it away: then another name is tried."""
    while True:
        staging = temporary_name(path, FOLDER_MARK)
        try:
            staging.mkdir()
        except FileExistsError:
            continue
        try:
            hold = hold_folder(staging)
        except (FileNotFoundError, FolderBusy):   # another export's clean-up has it, or had it
            continue
        if hold is None or _is_open_as(staging, hold):
            return staging, hold
        os.close(hold)   # locked after a clean-up had removed it: not the folder at that name


def _is_open_as(folder: Path, handle: int) -> bool:
    try:
        named, held = os.stat(folder, follow_symlinks=False), os.fstat(handle)
    except FileNotFoundError:
        return False
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def remove_stale_temporaries(folder: str | Path) -> list[Path]:
    """Removes the temporaries of GAN Studio's naming in `folder` that no live process holds:
    what a write killed with kill -9 left. Folders named `.NAME.<random>.ganstudio.tmp`,
    files named `.NAME.<random>.ganstudio-file.tmp`; never anything of another name or kind,
    never a link, never a temporary a live process holds, and nothing at all where they cannot
    be locked (there a stale one cannot be told from a live one). Best effort: what cannot be
    listed or removed stays. The paths removed."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        kind = _stale_kind(entry)
        if kind is None:
            continue
        hold_it, remove = kind
        try:
            hold = hold_it(entry.path)
        except (OSError, FolderBusy):   # gone meanwhile, or alive
            continue
        if hold is None:
            return removed
        try:
            remove(entry.path)
        except OSError:
            continue
        finally:
            os.close(hold)
        removed.append(Path(entry.path))
    return removed


def _stale_kind(entry: os.DirEntry):
    """(how to hold it, how to remove it) for a temporary of our naming and kind, never a link;
    None for anything else."""
    try:
        if STALE_FOLDER_NAME.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False):
            return (lambda path: hold_folder(path, follow_links=False),
                    lambda path: shutil.rmtree(path, ignore_errors=True))
        if STALE_FILE_NAME.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
            return hold_file, os.unlink
    except OSError:   # gone meanwhile
        pass
    return None


def _check_replaceable(path: Path, replaceable) -> None:
    if not path.exists():
        return
    if not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "it is a file, not a folder", str(path))
    foreign = sorted(entry.name for entry in path.iterdir() if entry.name not in replaceable)
    if foreign:
        raise OSError(errno.EEXIST, f"it holds other files ({foreign[0]}); choose a new folder", str(path))


def _swap_in(staging: Path, path: Path) -> None:
    """Renames `staging` to `path`; an earlier `path` goes aside first (held, under a
    temporary folder's name) and then away, so at every moment `path` is the old folder, the
    new one, or absent (never a mix)."""
    old = hold = None
    if path.exists():
        try:
            hold = hold_folder(path)
        except FolderBusy:
            raise OutputError(f"{path} is being written by another GAN Studio export; try again") from None
        old = temporary_name(path, FOLDER_MARK)
        try:
            os.replace(path, old)
        except BaseException:
            if hold is not None:
                os.close(hold)
            raise
    try:
        try:
            os.replace(staging, path)
        except BaseException:
            if old is not None:
                os.replace(old, path)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if hold is not None:
            os.close(hold)


def publish(temporary: str | Path, path: str | Path) -> None:
    """Durably gives a finished file written elsewhere (a download's .part) the name `path`."""
    with open(temporary, "rb+") as handle:  # write access: Windows flushes only then
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    fsync_folder(Path(path).parent)


def check_writable(folder: str | Path) -> None:
    """Creates `folder` if needed and proves a file can be written in it: raises OSError if
    not. Leaves nothing behind."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    staged = StagedFile(folder / "write-check")
    with staged.open() as handle:
        handle.write(b"ganstudio")
    staged.discard()
