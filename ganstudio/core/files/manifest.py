"""Files that belong together (a run's checkpoint, grid, samples, metrics and config), written
so that a reader can tell whether they are one consistent set.

Every file is first written in full as a temporary beside its final name and flushed to the
disk; only when all of them are ready do they take their names, in quick succession, and then
a manifest (`manifest.json`) is written last, atomically, with the size and SHA-256 of each.
So a failure or Ctrl-C while the files are prepared changes nothing at all, and the only
window in which a crash can mix old and new files is the handful of renames — a mix that
`check_file_set` detects, because the manifest then describes other contents (the old
manifest, or none, stays until the new one replaces it). Folders cannot be swapped atomically
and portably (Windows has no atomic replace of a folder, a symlink swap needs privileges
there), which is why this checks the set rather than moves it.
"""

from __future__ import annotations

import json
from pathlib import Path

from ganstudio.core.errors import GanStudioError
from ganstudio.core.files.atomic import StagedFile, atomic_file, fsync_folder
from ganstudio.core.files.digest import sha256_of
from ganstudio.core.files.json_text import parse_json

MANIFEST = "manifest.json"
FORMAT = "ganstudio-file-set"


class FileSet:
    """`with FileSet(folder) as files:` then `with files.open("grid.png") as f: ...` for each
    file, and `files.commit(info)` once. Leaving the block without a commit (an error, Ctrl-C)
    removes every temporary and leaves the folder as it was."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self._staged: dict[str, StagedFile] = {}

    def __enter__(self) -> FileSet:
        return self

    def __exit__(self, *exc_info) -> None:
        self.discard()

    def open(self, name: str, mode: str = "wb", **open_args):
        return self._stage(name).open(mode, **open_args)

    def _stage(self, name: str) -> StagedFile:
        if name == MANIFEST or name in self._staged:
            raise ValueError(f"{name} is already part of this set")
        staged = self._staged[name] = StagedFile(self.folder / name)
        return staged

    def commit(self, info: dict | None = None) -> Path:
        """Renames every prepared file into place, then writes the manifest; returns its path."""
        files = {name: _describe(staged.temporary) for name, staged in self._staged.items()}
        for staged in self._staged.values():
            staged.commit()
        fsync_folder(self.folder)
        manifest = {"format": FORMAT, "version": 1, **(info or {}), "files": files}
        path = self.folder / MANIFEST
        with atomic_file(path, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(manifest, indent=2) + "\n")
        return path

    def discard(self) -> None:
        for staged in self._staged.values():
            staged.discard()


def _describe(path: Path) -> dict:
    return {"bytes": path.stat().st_size, "sha256": sha256_of(path)}


def check_file_set(folder: str | Path) -> dict:
    """The manifest of `folder` if every file it lists is there with the contents it records;
    otherwise a GanStudioError that names the first file that does not belong."""
    folder = Path(folder)
    path = folder / MANIFEST
    try:
        manifest = parse_json(path.read_text(encoding="utf-8"))
        files = manifest["files"] if manifest.get("format") == FORMAT else None
    except (OSError, ValueError, AttributeError, KeyError) as exc:
        raise GanStudioError(f"{path}: no readable manifest ({exc.__class__.__name__}); "
                             "the files in it may not belong together") from None
    if not isinstance(files, dict):
        raise GanStudioError(f"{path} is not a GAN Studio manifest")
    for name, expected in files.items():
        member = folder / name
        if not member.is_file():
            raise GanStudioError(f"{member} is missing from the set")
        if _describe(member) != expected:
            raise GanStudioError(f"{member} was not written with the rest of the set "
                                 "(an interrupted save); the set is not consistent")
    return manifest
