"""Keras's mnist.npz: arrays x_train, y_train, x_test, y_test in one NumPy .npz archive."""

from __future__ import annotations

import tokenize
import zipfile
from pathlib import Path

import numpy as np

from ganstudio.core.data.arrays import MAX_ARRAY_BYTES, as_images, as_labels
from ganstudio.core.data.dataset import Dataset, describe
from ganstudio.core.data.sniff import (
    EMPTY_ZIP_MAGIC,
    MAX_DEFLATE_RATIO,
    ZIP_MAGIC,
    looks_like,
    read_head,
    short_reason,
)
from ganstudio.core.errors import DataError


def npy_member_bytes(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, int]:
    """(bytes its .npy header declares, bytes the member holds after the header), read from
    the header alone: what NumPy would allocate, known before it does."""
    with archive.open(info) as member:
        version = np.lib.format.read_magic(member)
        read_header = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                       else np.lib.format.read_array_header_2_0)
        try:
            shape, _, dtype = read_header(member)
        except (SyntaxError, tokenize.TokenError):   # NumPy parses the header as a literal
            raise ValueError(f"{info.filename} has a damaged .npy header") from None
        return int(np.prod(shape, dtype=np.int64)) * dtype.itemsize, info.file_size - member.tell()


def check_member_size(path: Path, archive: zipfile.ZipFile, name: str) -> None:
    """Refuses an array that declares more than the archive holds, or more than
    MAX_ARRAY_BYTES, before NumPy allocates it."""
    info = archive.getinfo(name)
    declared, stored = npy_member_bytes(archive, info)
    limit = min(MAX_ARRAY_BYTES, info.compress_size * MAX_DEFLATE_RATIO)
    if declared > stored or info.file_size > limit:
        raise DataError(f"{path}: {name.removesuffix('.npy')} declares {declared:,} bytes; the archive holds "
                        f"{min(stored, limit):,} (damaged, or too large)")


def open_npz(path: Path, split: str) -> Dataset:
    head = read_head(path)
    if not head.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        raise DataError(f"{path}: not a NumPy .npz archive (it looks like {looks_like(head)})")
    x_key, y_key = f"x_{split}", f"y_{split}"
    try:
        with np.load(path, allow_pickle=False) as archive:
            if x_key not in archive.files:
                held = ", ".join(archive.files) or "nothing"
                raise DataError(f"{path}: no array named {x_key} (Keras layout); the archive holds {held}")
            for key in (x_key, y_key):
                if key in archive.files:
                    check_member_size(path, archive.zip, key + ".npy")
            raw_images = archive[x_key]
            raw_labels = archive[y_key] if y_key in archive.files else None
    except DataError:
        raise
    except MemoryError:
        raise DataError(f"{path}: an array in the archive is too large to load (corrupt header?)") from None
    except Exception as exc:  # zipfile, zlib and the .npy parser raise many kinds; all mean "corrupt"
        raise DataError(f"{path}: cannot read the .npz archive ({short_reason(exc)})") from None
    images = as_images(raw_images, path, x_key)
    labels = None if raw_labels is None else as_labels(raw_labels, path, y_key, len(images))
    return Dataset(images, labels, describe(path.name, len(images), split), str(path))
