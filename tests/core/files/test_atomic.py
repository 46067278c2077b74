"""atomic.py: unique temporaries, nothing left behind on any exit, the folder flushed after
the rename; file_set.py: a run's files either all change or can be told apart."""

import os
import stat
import sys

import pytest

from ganstudio.core.errors import GanStudioError
from ganstudio.core.files import atomic
from ganstudio.core.files.atomic import atomic_file, check_writable, publish
from ganstudio.core.files.manifest import MANIFEST, FileSet, check_file_set


def names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_two_writers_of_one_file_never_share_a_temporary(tmp_path):
    path = tmp_path / "grid.png"
    with atomic_file(path) as first:
        first.write(b"first version, the longer one")
        with atomic_file(path) as second:   # a second writer starts before the first ends
            second.write(b"second")
        first.write(b"!")
    assert path.read_bytes() == b"first version, the longer one!"   # one whole version won
    assert names(tmp_path) == ["grid.png"]


@pytest.mark.parametrize("error", [KeyboardInterrupt, SystemExit, ValueError])
def test_an_interrupted_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, error):
    path = tmp_path / "metrics.csv"
    path.write_text("old")
    with pytest.raises(error):
        with atomic_file(path, "w") as handle:
            handle.write("half of the new")
            raise error
    assert path.read_text() == "old"
    assert names(tmp_path) == ["metrics.csv"]


def test_the_file_is_flushed_before_the_rename_and_the_folder_after(tmp_path, monkeypatch):
    if os.name != "posix":
        pytest.skip("a folder cannot be fsynced on Windows")
    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    def replace(src, dst):
        events.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    with atomic_file(tmp_path / "a.bin") as handle:
        handle.write(b"x")
    assert events == ["file", "rename", "folder"]
    events.clear()
    part = tmp_path / "download.part"
    part.write_bytes(b"verified")
    publish(part, tmp_path / "download")   # a finished download takes its name the same way
    assert events == ["file", "rename", "folder"]
    assert names(tmp_path) == ["a.bin", "download"]


def test_no_folder_fsync_where_the_system_has_none(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "FOLDERS_CAN_SYNC", False)   # as on Windows
    real_open, opened = os.open, []
    monkeypatch.setattr(os, "open", lambda *a, **k: opened.append(a[0]) or real_open(*a, **k))
    with atomic_file(tmp_path / "a.bin") as handle:
        handle.write(b"x")
    assert opened and tmp_path not in opened and str(tmp_path) not in opened
    assert (tmp_path / "a.bin").read_bytes() == b"x"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_file_gets_the_usual_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        with atomic_file(tmp_path / "c.json", "w") as handle:
            handle.write("{}")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "c.json").stat().st_mode) == 0o644


def test_check_writable_creates_the_folder_and_leaves_nothing(tmp_path):
    check_writable(tmp_path / "new" / "run")
    assert names(tmp_path / "new" / "run") == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's")
def test_check_writable_refuses_a_folder_that_takes_no_files():
    with pytest.raises(OSError):
        check_writable("/proc/self")   # exists, and even root cannot create files in it


# ----- a set of files -------------------------------------------------------------------------
def write_set(folder, version: str):
    with FileSet(folder) as files:
        for name in ("checkpoint.npz", "grid.png"):
            with files.open(name) as handle:
                handle.write(f"{name} {version}".encode())
        with files.open("metrics.csv", "w", encoding="utf-8") as handle:
            handle.write(f"metrics {version}")
        files.commit({"iteration": int(version)})


def test_a_committed_set_checks_out(tmp_path):
    write_set(tmp_path, "1")
    write_set(tmp_path, "2")
    assert check_file_set(tmp_path)["iteration"] == 2
    assert names(tmp_path) == ["checkpoint.npz", "grid.png", MANIFEST, "metrics.csv"]
    assert (tmp_path / "grid.png").read_bytes() == b"grid.png 2"


@pytest.mark.parametrize("error", [KeyboardInterrupt, OSError])
def test_a_failure_before_the_commit_changes_nothing(tmp_path, error):
    write_set(tmp_path, "1")
    before = {name: (tmp_path / name).read_bytes() for name in names(tmp_path)}
    with pytest.raises(error):
        with FileSet(tmp_path) as files:
            with files.open("checkpoint.npz") as handle:
                handle.write(b"new checkpoint")
            raise error   # e.g. a full disk while the grid is written
    assert {name: (tmp_path / name).read_bytes() for name in names(tmp_path)} == before
    assert check_file_set(tmp_path)["iteration"] == 1


def test_a_crash_among_the_renames_is_detected(tmp_path, monkeypatch):
    write_set(tmp_path, "1")
    real_replace = os.replace
    renamed = []

    def killed_after_one(src, dst):
        if renamed:
            raise KeyboardInterrupt   # stands for a kill: nothing after it runs
        renamed.append(dst)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", killed_after_one)
    with pytest.raises(KeyboardInterrupt):
        write_set(tmp_path, "2")
    monkeypatch.undo()
    assert (tmp_path / "checkpoint.npz").read_bytes() == b"checkpoint.npz 2"  # new beside old
    with pytest.raises(GanStudioError, match="checkpoint.npz was not written with the rest"):
        check_file_set(tmp_path)


def test_a_folder_without_a_manifest_is_not_called_consistent(tmp_path):
    (tmp_path / "checkpoint.npz").write_bytes(b"x")
    with pytest.raises(GanStudioError, match="no readable manifest"):
        check_file_set(tmp_path)
