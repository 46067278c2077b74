"""folder_lock.py's branches: flock on the folder (POSIX, run for real in
tests/cli/test_hostile_inputs.py), the lock file of Windows (run here with msvcrt replaced by
tests/support/fake_msvcrt.py: the protocol is checked, Windows' locking itself cannot be), and
no lock at all where the system has none."""


import pytest

from ganstudio.core.errors import OutputError
from ganstudio.core.files import folder_lock as module
from ganstudio.core.files.folder_lock import LOCK_FILE_NAME, folder_lock, hold_folder

from support.lock_holder import lock_held_by_child

pytestmark = pytest.mark.skipif(module.fcntl is None, reason="the stand-in for msvcrt is built on flock")


@pytest.fixture
def windows(monkeypatch):
    """folder_lock.py as it is on Windows: no fcntl, an msvcrt."""
    from support import fake_msvcrt

    fake_msvcrt.calls.clear()
    monkeypatch.setattr(module, "fcntl", None)
    monkeypatch.setattr(module, "msvcrt", fake_msvcrt)
    return fake_msvcrt


def test_windows_holds_a_lock_file_and_removes_it_when_done(windows, tmp_path):
    with folder_lock(tmp_path):
        assert [p.name for p in tmp_path.iterdir()] == [LOCK_FILE_NAME]
        with pytest.raises(OutputError, match="is in use by another GAN Studio run"):
            with folder_lock(tmp_path):
                pass
        assert [p.name for p in tmp_path.iterdir()] == [LOCK_FILE_NAME]   # the refused one removed nothing
    assert list(tmp_path.iterdir()) == []
    assert windows.calls == [(windows.LK_NBLCK, 1), (windows.LK_NBLCK, 1), (windows.LK_UNLCK, 1)]
    with folder_lock(tmp_path):   # free again
        pass


def test_windows_takes_over_a_lock_file_a_killed_run_left(windows, tmp_path):
    (tmp_path / LOCK_FILE_NAME).write_bytes(b"")   # its holder is gone, so is its lock
    with folder_lock(tmp_path):
        pass
    assert list(tmp_path.iterdir()) == []


def test_windows_lock_is_held_against_another_process(windows, tmp_path):
    with lock_held_by_child(tmp_path, windows_stand_in=True):
        with pytest.raises(OutputError, match="in use"):
            with folder_lock(tmp_path):
                pass
    assert list(tmp_path.iterdir()) == []   # the holder removed its file
    with folder_lock(tmp_path):
        pass


def test_windows_cannot_hold_a_temporary_folder_so_none_is_called_stale(windows, tmp_path):
    from ganstudio.core.files.atomic import remove_stale_temporaries

    assert hold_folder(tmp_path) is None
    stale = tmp_path / ".pt.0123456789ab.ganstudio.tmp"
    stale.mkdir()
    assert remove_stale_temporaries(tmp_path) == [] and stale.is_dir()


def test_no_lock_at_all_where_the_system_has_none(monkeypatch, tmp_path):
    monkeypatch.setattr(module, "fcntl", None)
    monkeypatch.setattr(module, "msvcrt", None)
    with folder_lock(tmp_path), folder_lock(tmp_path):   # unlocked, as before the lock existed
        pass
    assert list(tmp_path.iterdir()) == []
