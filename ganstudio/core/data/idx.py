"""IDX files (the format of MNIST and Fashion-MNIST), gzip-compressed or raw.

An IDX file is two zero bytes, a type code (0x08 = unsigned byte), the number of dimensions,
one big-endian uint32 per dimension, then the values in C order. Images are idx3 (N, 28, 28),
labels idx1 (N,). The labels file of an images file is found by the standard naming:
"train-images-idx3-ubyte(.gz)" goes with "train-labels-idx1-ubyte(.gz)".
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

import numpy as np

from ganstudio.core.data.dataset import IMAGE_SHAPE, MAX_IMAGES, NUM_CLASSES, Dataset, describe
from ganstudio.core.data.sniff import MAX_DEFLATE_RATIO, looks_like, open_maybe_gzip, read_head_maybe_gzip
from ganstudio.core.errors import DataError

UNSIGNED_BYTE = 0x08
IMAGES_NDIM = 3
LABELS_NDIM = 1
_SPLIT_WORDS = {"train": ("train",), "test": ("t10k", "test")}
_IMAGES_NAME = re.compile(r"^(?:.*[-_.])?(train|t10k|test)[-_.]images[-_.]idx3[-_.]ubyte(?:\.gz)?$", re.I)


def _parse_header(path: Path, data: bytes, ndim: int, what: str) -> tuple[int, ...]:
    if len(data) < 4 or data[0] != 0 or data[1] != 0:
        raise DataError(f"{path}: not an IDX {what} file (it looks like {looks_like(data[:64])})")
    if data[2] != UNSIGNED_BYTE:
        raise DataError(f"{path}: IDX value type 0x{data[2]:02x} is not supported (only unsigned bytes, 0x08)")
    if data[3] != ndim:
        found = {IMAGES_NDIM: "an images file", LABELS_NDIM: "a labels file"}.get(data[3], f"{data[3]}-dimensional")
        raise DataError(f"{path}: expected an IDX {what} file (idx{ndim}) but this is {found} (idx{data[3]})")
    header_size = 4 + 4 * ndim
    if len(data) < header_size:
        raise DataError(f"{path}: the IDX header is truncated")
    return struct.unpack(f">{ndim}I", data[4:header_size])


def _read(path: Path, ndim: int, what: str) -> np.ndarray:
    """The values of an IDX file, checked against its header before anything is allocated:
    only as many bytes as the header declares are decompressed (a gzip that inflates to far
    more is refused once the declared bytes are read)."""
    with open_maybe_gzip(path) as (stream, file_size, gzipped):
        head = stream.read(64)
        shape = _parse_header(path, head, ndim, what)
        count = shape[0]
        if count == 0:
            raise DataError(f"{path}: contains no {what}")
        if ndim == IMAGES_NDIM and shape[1:] != IMAGE_SHAPE:
            raise DataError(f"{path}: holds {shape[1]}x{shape[2]} images; GAN Studio needs 28x28")
        if count > MAX_IMAGES:
            raise DataError(f"{path}: the header declares {count:,} {what}; GAN Studio reads at most {MAX_IMAGES:,}")
        header_size = 4 + 4 * ndim
        expected = int(np.prod(shape, dtype=np.int64))
        if not gzipped:
            _check_raw_size(path, file_size - header_size, expected, count, what)
        elif expected > file_size * MAX_DEFLATE_RATIO:
            raise DataError(f"{path}: truncated: the header promises {count:,} {what} ({expected:,} bytes), "
                            f"more than {file_size:,} compressed bytes can hold")
        values = np.empty(expected, dtype=np.uint8)
        got = _fill(values, head[header_size:], stream)
        if got < expected:
            raise DataError(f"{path}: truncated: the header promises {count:,} {what} "
                            f"({expected:,} bytes) but only {got:,} bytes follow")
        if got > expected or stream.read(1):
            raise DataError(f"{path}: unexpected bytes after the {count:,} {what} its header declares")
    return values.reshape(shape)


def _check_raw_size(path: Path, actual: int, expected: int, count: int, what: str) -> None:
    if actual < expected:
        raise DataError(f"{path}: truncated: the header promises {count:,} {what} "
                        f"({expected:,} bytes) but only {actual:,} bytes follow")
    if actual > expected:
        raise DataError(f"{path}: {actual - expected:,} unexpected bytes after the {count:,} {what}")


def _fill(values: np.ndarray, first: bytes, stream) -> int:
    """Fills `values` from `first`, then the stream; the bytes found (more than fit: len+1)."""
    if len(first) > len(values):
        return len(values) + 1
    values[:len(first)] = np.frombuffer(first, dtype=np.uint8)
    view, got = memoryview(values), len(first)
    while got < len(values):
        n = stream.readinto(view[got:])
        if not n:
            break
        got += n
    return got


def encode(array: np.ndarray) -> bytes:
    """The IDX bytes of a uint8 array (for writing datasets and for tests)."""
    header = bytes([0, 0, UNSIGNED_BYTE, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + np.ascontiguousarray(array, dtype=np.uint8).tobytes()


def read_images(path: Path) -> np.ndarray:
    """uint8 (N, 28, 28), a fresh C-contiguous array."""
    return _read(path, IMAGES_NDIM, "images")


def read_labels(path: Path) -> np.ndarray:
    """int64 (N,) with values 0..9."""
    labels = _read(path, LABELS_NDIM, "labels").astype(np.int64)
    bad = np.flatnonzero(labels >= NUM_CLASSES)
    if bad.size:
        raise DataError(f"{path}: label {labels[bad[0]]} at item {bad[0]:,} is not a class 0-9")
    return labels


def count_items(path: Path) -> int:
    """The item count from an IDX header only (cheap, for `data info`)."""
    head = read_head_maybe_gzip(path, 8)
    if len(head) < 8 or head[:3] != bytes([0, 0, UNSIGNED_BYTE]):
        raise DataError(f"{path}: not an IDX file (it looks like {looks_like(head)})")
    return struct.unpack(">I", head[4:8])[0]


def _counterpart(path: Path, swaps: tuple[tuple[str, str], ...]) -> Path | None:
    """The sibling whose name differs by the swapped words, with or without .gz."""
    name = path.name
    for old, new in swaps:
        if old not in name.lower():
            return None
        name = re.sub(re.escape(old), new, name, count=1, flags=re.I)
    stem = name[:-3] if name.lower().endswith(".gz") else name
    for candidate in (name, stem, stem + ".gz"):
        if (path.parent / candidate).is_file():
            return path.parent / candidate
    return None


def labels_path_for(images_path: Path) -> Path | None:
    return _counterpart(images_path, (("images", "labels"), ("idx3", "idx1")))


def images_path_for(labels_path: Path) -> Path | None:
    return _counterpart(labels_path, (("labels", "images"), ("idx1", "idx3")))


def load_pair(images_path: Path, labels_path: Path | None, title: str, qualifier: str = "",
              source: str | None = None) -> Dataset:
    """Images plus (optionally) their labels, checked to agree in count."""
    images = read_images(images_path)
    labels = None
    if labels_path is not None:
        labels = read_labels(labels_path)
        if len(labels) != len(images):
            raise DataError(f"{labels_path}: holds {len(labels):,} labels but {images_path.name} "
                            f"holds {len(images):,} images")
    return Dataset(images, labels, describe(title, len(images), qualifier), source or str(images_path))


def open_file(path: Path) -> Dataset:
    """An images file (its labels found by name), or a labels file (its images found by name)."""
    is_labels = read_head_maybe_gzip(path, 4) == bytes([0, 0, UNSIGNED_BYTE, LABELS_NDIM])
    if is_labels and "images" not in path.name.lower():  # a name saying "images" gets the mismatch message
        images_path = images_path_for(path)
        if images_path is None:
            raise DataError(f"{path}: this is an IDX labels file and its images file "
                            f"(the same name with 'images' and 'idx3') was not found next to it")
        return load_pair(images_path, path, images_path.name)
    return load_pair(path, labels_path_for(path), path.name)


def _entries(directory: Path) -> list[Path]:
    try:
        return list(directory.iterdir())
    except OSError as exc:
        raise DataError(f"{directory}: cannot list the folder ({exc.strerror or exc})") from None


def find_images_file(directory: Path, split: str) -> Path | None:
    """The images file of a split ("train" or "test") in a folder of standard IDX names."""
    matches = [p for p in _entries(directory)
               if p.is_file() and (m := _IMAGES_NAME.match(p.name)) and m.group(1).lower() in _SPLIT_WORDS[split]]
    by_stem = {}
    for p in sorted(matches, key=lambda p: p.name.lower().endswith(".gz")):  # raw before .gz
        by_stem.setdefault(p.name.lower().removesuffix(".gz"), p)
    if len(by_stem) > 1:
        listed = ", ".join(sorted(p.name for p in by_stem.values()))
        raise DataError(f"{directory}: holds several {split} image files ({listed}); open one of them directly")
    return next(iter(by_stem.values()), None)


def has_idx_files(directory: Path) -> bool:
    return any(_IMAGES_NAME.match(p.name) for p in _entries(directory))


def open_directory(directory: Path, split: str, title: str | None = None, qualifier: str = "") -> Dataset:
    images_path = find_images_file(directory, split)
    if images_path is None:
        raise DataError(f"{directory}: no {split} images file with a standard IDX name "
                        f"(such as {'train' if split == 'train' else 't10k'}-images-idx3-ubyte.gz)")
    return load_pair(images_path, labels_path_for(images_path), title or directory.name,
                     qualifier or ("test" if split == "test" else ""), source=str(directory))
