"""atomic.py's clean-up of the temporary folders and files killed processes leave (the kill -9 itself,
through a real export, is in tests/cli/test_hostile_inputs.py): only GAN Studio's naming, only
folders no live process holds."""

import os

import numpy as np
import pytest

from ganstudio.core.files import atomic
from ganstudio.core.files.atomic import (
    FILE_MARK,
    FOLDER_MARK,
    STALE_FILE_NAME,
    STALE_FOLDER_NAME,
    atomic_file,
    atomic_folder,
    remove_stale_temporaries,
)
from ganstudio.core.files.folder_lock import fcntl, hold_folder

pytestmark = pytest.mark.skipif(fcntl is None, reason="folders are not locked on this system")


def test_only_our_naming_is_called_stale(tmp_path):
    ours = atomic.temporary_name(tmp_path / ("n" * 250), FOLDER_MARK)
    assert STALE_FOLDER_NAME.fullmatch(ours.name) and len(os.fsencode(ours.name)) <= 255
    for other in (".pt.0123456789ab.tmp",               # a file's temporary, or another program's
                  "pt.0123456789ab.ganstudio.tmp",      # not hidden
                  ".pt.0123456789AB.ganstudio.tmp",     # not our random part
                  ".pt.0123456789ab.ganstudio.tmp.keep", ".cache"):
        assert not STALE_FOLDER_NAME.fullmatch(other), other


def test_stale_folders_go_and_everything_else_stays(tmp_path):
    stale = tmp_path / ".pt.0123456789ab.ganstudio.tmp"
    (stale / "sub").mkdir(parents=True)
    (stale / "sub" / "model.py").write_text("half")
    keep = {".pt.0123456789ab.tmp": "folder", ".cache": "folder", "notes.txt": "file",
            ".x.abcdefabcdef.ganstudio.tmp": "file"}   # our naming, but a file: not ours to judge
    for name, kind in keep.items():
        (tmp_path / name).mkdir() if kind == "folder" else (tmp_path / name).write_text("mine")
    target = tmp_path / "elsewhere"
    target.mkdir()
    (target / "precious.txt").write_text("mine")
    (tmp_path / ".l.abcdefabcdef.ganstudio.tmp").symlink_to(target)   # a link of our naming
    assert remove_stale_temporaries(tmp_path) == [stale]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*keep, "elsewhere", ".l.abcdefabcdef.ganstudio.tmp"])
    assert (target / "precious.txt").read_text() == "mine"


def test_a_held_folder_is_alive_and_stays(tmp_path):
    live = tmp_path / ".pt.0123456789ab.ganstudio.tmp"
    live.mkdir()
    handle = hold_folder(live)   # another holder in this process: as good as another process
    try:
        assert remove_stale_temporaries(tmp_path) == [] and live.is_dir()
    finally:
        os.close(handle)
    assert remove_stale_temporaries(tmp_path) == [live] and not live.exists()


def test_atomic_folder_holds_its_staging_folder_while_it_is_filled(tmp_path):
    with atomic_folder(tmp_path / "pt") as staging:
        assert STALE_FOLDER_NAME.fullmatch(staging.name)
        assert remove_stale_temporaries(tmp_path) == []   # as another export would see it
        (staging / "model.py").write_text("whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pt"]
    assert (tmp_path / "pt" / "model.py").read_text() == "whole"


def test_a_staging_folder_taken_away_before_its_lock_is_made_again(tmp_path, monkeypatch):
    """Another export's clean-up may find a new staging folder in the instant before its lock
    and remove it; the export then makes another rather than filling a removed folder."""
    made, real_hold = [], atomic.hold_folder

    def cleaned_first(folder, **kwargs):
        made.append(folder)
        if len(made) == 1:
            os.rmdir(folder)   # what the other process's remove_stale_temporaries does
            return real_hold(tmp_path)   # an open handle to something else: a lock on nothing
        return real_hold(folder, **kwargs)
    monkeypatch.setattr(atomic, "hold_folder", cleaned_first)
    with atomic_folder(tmp_path / "pt") as staging:
        (staging / "model.py").write_text("whole")
    assert len(made) == 2 and staging == made[1] != made[0]
    assert (tmp_path / "pt" / "model.py").read_text() == "whole"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pt"]


def test_replacing_an_earlier_export_leaves_no_temporary(tmp_path):
    for text in ("first", "second"):
        with atomic_folder(tmp_path / "pt", replaceable={"model.py"}) as staging:
            (staging / "model.py").write_text(text)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pt"]
    assert (tmp_path / "pt" / "model.py").read_text() == "second"


def test_a_files_temporary_has_its_own_naming(tmp_path):
    ours = atomic.temporary_name(tmp_path / ("n" * 250), FILE_MARK)
    assert STALE_FILE_NAME.fullmatch(ours.name) and len(os.fsencode(ours.name)) <= 255
    assert not STALE_FOLDER_NAME.fullmatch(ours.name)
    for other in (".pt.0123456789ab.tmp", ".pt.0123456789ab.ganstudio.tmp", "pt.0123456789ab.ganstudio-file.tmp"):
        assert not STALE_FILE_NAME.fullmatch(other), other


def test_a_file_being_written_is_held_and_a_stale_one_goes_at_the_first_write(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "_cleaned_folders", set())
    stale = tmp_path / ".g.onnx.0123456789ab.ganstudio-file.tmp"
    stale.write_bytes(b"half")
    keep = [".g.onnx.0123456789ab.tmp", ".h.onnx.abcdefabcdef.ganstudio.tmp"]   # another naming; a folder's
    for name in keep:
        (tmp_path / name).write_text("mine")
    (tmp_path / ".l.abcdefabcdef.ganstudio-file.tmp").symlink_to(tmp_path / keep[0])   # a link of our naming
    with atomic_file(tmp_path / "w.bin") as handle:
        handle.write(b"whole")
        live = [p for p in tmp_path.iterdir() if p.name.startswith(".w.bin.")]
        assert not stale.exists() and len(live) == 1 and STALE_FILE_NAME.fullmatch(live[0].name)
        assert remove_stale_temporaries(tmp_path) == [] and live[0].exists()   # as another process sees it
    assert (tmp_path / "w.bin").read_bytes() == b"whole"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*keep, ".l.abcdefabcdef.ganstudio-file.tmp", "w.bin"])


def test_a_writer_given_a_staged_file_writes_it_held_with_no_temporary_of_its_own(tmp_path):
    """The run's writers (save_png, the GIFs, the metrics) take a FileSet's open file: the one
    temporary is the set's, held while the writer fills it."""
    from ganstudio.core.files.manifest import FileSet
    from ganstudio.core.formats.run_outputs import save_png

    with FileSet(tmp_path) as files:
        with files.open("grid.png") as handle:
            save_png(np.zeros((28, 28), np.uint8), handle)
            temporaries = [p for p in tmp_path.iterdir() if STALE_FILE_NAME.fullmatch(p.name)]
            assert len(temporaries) == 1 and remove_stale_temporaries(tmp_path) == []
        files.commit()
    assert (tmp_path / "grid.png").read_bytes().startswith(b"\x89PNG")
    assert not [p for p in tmp_path.iterdir() if STALE_FILE_NAME.fullmatch(p.name)]
