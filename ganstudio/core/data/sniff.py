"""Reading a file's bytes and telling what it really is from its first bytes, so a file
that is not what its name says gets a message that says what it looks like instead."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ganstudio.core.errors import DataError

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
MATLAB_MAGIC = b"MATLAB"
HDF5_MAGIC = b"\x89HDF\r\n\x1a\n"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
IDX_IMAGES_MAGIC = b"\x00\x00\x08\x03"
IDX_LABELS_MAGIC = b"\x00\x00\x08\x01"
# Deflate turns at most 1032 bytes into one byte; a gzip file cannot hold more than that.
MAX_DEFLATE_RATIO = 1032


def looks_like(head: bytes) -> str:
    """A short description of what these first bytes are, for error messages."""
    if not head:
        return "an empty file"
    if head.startswith(GZIP_MAGIC):
        return "a gzip-compressed file"
    if head.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        return "a ZIP archive (such as a NumPy .npz)"
    if head.startswith(MATLAB_MAGIC):
        return "a MATLAB .mat file"
    if head.startswith(HDF5_MAGIC):
        return "an HDF5 file"
    if head.startswith(PNG_MAGIC):
        return "a PNG image"
    if head.startswith(JPEG_MAGIC):
        return "a JPEG image"
    if head.startswith(b"\x93NUMPY"):
        return "a NumPy .npy array"
    if head.startswith(IDX_IMAGES_MAGIC):
        return "an IDX images file"
    if head.startswith(IDX_LABELS_MAGIC):
        return "an IDX labels file"
    if head.startswith(b"\x00\x00") and len(head) >= 4:
        return "an IDX file of an unsupported kind"
    text = head.lstrip().lower()
    if text.startswith((b"<!doctype html", b"<html", b"<?xml", b"<")):
        return "an HTML/XML page (perhaps a failed download)"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "an unrecognised binary file"
    return "a text file"


@contextmanager
def _reading(path: Path) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise DataError(f"{path}: cannot read the file ({exc.strerror or exc})") from None


@contextmanager
def _gunzipping(path: Path) -> Iterator[None]:
    try:
        yield
    except EOFError:
        raise DataError(f"{path}: the gzip data is truncated (the file ends too early)") from None
    except (OSError, zlib.error) as exc:
        raise DataError(f"{path}: the gzip data is corrupt ({exc})") from None


def read_head(path: Path, size: int = 128) -> bytes:
    with _reading(path), open(path, "rb") as f:
        return f.read(size)


def read_bytes(path: Path) -> bytes:
    with _reading(path):
        return path.read_bytes()


@contextmanager
def open_maybe_gzip(path: Path) -> Iterator[tuple[BinaryIO, int, bool]]:
    """(stream of the decompressed content, the file's size, whether it is gzip): read as much
    as a header says is there, never the whole content blindly. Read errors become DataError."""
    gzipped = read_head(path, 2).startswith(GZIP_MAGIC)
    with _reading(path):
        size = path.stat().st_size
        if not gzipped:
            with open(path, "rb") as f:
                yield f, size, False
            return
        with _gunzipping(path), gzip.open(path, "rb") as f:
            yield f, size, True


def read_head_maybe_gzip(path: Path, size: int = 16) -> bytes:
    """The first bytes of the (decompressed) content, without reading the whole file."""
    if not read_head(path, 2).startswith(GZIP_MAGIC):
        return read_head(path, size)
    with _gunzipping(path), gzip.open(path, "rb") as f:
        return f.read(size)


def short_reason(exc: BaseException) -> str:
    """One line from a third-party parser's exception, for a DataError message."""
    lines = str(exc).strip().splitlines()
    text = lines[0] if lines else type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."
