"""A reader for the numeric matrices of a MATLAB level-5 .mat file (what `save -v7` and older
write), in NumPy alone.

Why not scipy.io.loadmat: its compiled reader crashes the whole process (a segmentation
fault, found by the corruption tests) on a file whose one flag bit says "complex" when no
imaginary part follows. Every read here is bounds-checked Python, so a damaged file can only
raise MatError. Layout, from MathWorks' "MAT-File Format" document: a 128-byte header, then
data elements, each an 8-byte tag (type, byte count) and its data padded to 8 bytes; a
variable is an miMATRIX element (flags, dimensions, name, real part, maybe an imaginary
part), and `-v7` wraps each one in a zlib-compressed miCOMPRESSED element.
"""

from __future__ import annotations

import zlib

import numpy as np

HEADER_BYTES = 128
MI_MATRIX, MI_COMPRESSED = 14, 15
# The storage types of numbers (MATLAB may store a double matrix as uint8 to save space).
STORAGE_TYPES = {1: "i1", 2: "u1", 3: "i2", 4: "u2", 5: "i4", 6: "u4", 7: "f4", 9: "f8",
                 12: "i8", 13: "u8"}
# The classes of numeric arrays, i.e. what the values are once read.
NUMERIC_CLASSES = {6: "f8", 7: "f4", 8: "i1", 9: "u1", 10: "i2", 11: "u2", 12: "i4", 13: "u4",
                   14: "i8", 15: "u8"}
OTHER_CLASSES = {1: "a cell array", 2: "a struct", 3: "an object", 4: "text", 5: "a sparse matrix"}
COMPLEX_FLAG = 0x800
# Far above full MNIST (47 MB for train_x): a larger count is a damaged tag, not data.
MAX_ELEMENT_BYTES = 1 << 30
MAX_DEFLATE_RATIO = 1032   # deflate makes at most 1032 bytes of one


class MatError(ValueError):
    """The file is not a readable level-5 .mat file; the message says why, in a few words."""


def read_mat5(data: bytes, names: set[str]) -> dict[str, np.ndarray]:
    """The numeric variables of `names` found in the file's bytes (others are skipped)."""
    if len(data) < HEADER_BYTES:
        raise MatError("shorter than a .mat file's 128-byte header")
    endian = {b"IM": "<", b"MI": ">"}.get(data[126:128])
    if endian is None:
        raise MatError("not a level-5 .mat file (no byte-order mark in its header)")
    found: dict[str, np.ndarray] = {}
    offset = HEADER_BYTES
    while offset < len(data) and len(found) < len(names):
        kind, size, start = _tag(data, offset, endian)
        if kind == MI_COMPRESSED:
            _read_compressed(data[start:start + size], endian, names, found)
            offset = start + size  # compressed elements are not padded
        elif kind == MI_MATRIX:
            _read_matrix(data[start:start + size], endian, names, found)
            offset = start + _padded(size)
        else:
            offset = start + _padded(size)  # not a variable: skip it
    return found


def _tag(data: bytes, offset: int, endian: str, whole: bool = True) -> tuple[int, int, int]:
    """(type, byte count, where the data starts) of the element at `offset`, bounds-checked
    (`whole=False`: `data` is only the element's first bytes, so only the limit is checked)."""
    if offset + 8 > len(data):
        raise MatError("ends inside a data element's tag (truncated?)")
    first = int(np.frombuffer(data, endian + "u4", 1, offset)[0])
    if first >> 16:  # the small format: type and count in one word, up to 4 bytes of data
        kind, size, start = first & 0xFFFF, first >> 16, offset + 4
        if size > 4:
            raise MatError("a damaged small data element")
    else:
        kind = first
        size = int(np.frombuffer(data, endian + "u4", 1, offset + 4)[0])
        start = offset + 8
    if size > MAX_ELEMENT_BYTES or (whole and start + size > len(data)):
        raise MatError("a data element runs past the end of the file (truncated or damaged)")
    return kind, size, start


def _padded(size: int) -> int:
    return (size + 7) // 8 * 8


def _read_compressed(packed: bytes, endian: str, names: set[str], found: dict) -> None:
    inflater = zlib.decompressobj()
    try:
        # First just the tag, flags, dimensions and name: variables we skip cost no inflating.
        head = inflater.decompress(packed, 256)
        kind, size, _ = _tag(head, 0, endian, whole=False)
        if kind != MI_MATRIX:
            return
        if size > len(packed) * MAX_DEFLATE_RATIO:
            raise MatError("a compressed variable declares more data than it can hold")
        name = _matrix_name(head[8:], endian, partial=True)
        if name is not None and name not in names:
            return
        whole = head + inflater.decompress(inflater.unconsumed_tail, max(8 + size - len(head), 1))
    except zlib.error as exc:
        # zlib says "Error -3 while decompressing data: incorrect data check": keep the reason.
        raise MatError(f"a compressed variable is damaged: {str(exc).rsplit(': ', 1)[-1]}") from None
    if len(whole) < 8 + size:
        raise MatError("a compressed variable ends early (truncated or damaged)")
    _read_matrix(whole[8:8 + size], endian, names, found)


def _subelements(body: bytes, endian: str, count: int) -> list[tuple[int, int, int]]:
    """The first `count` sub-elements of an miMATRIX element's data, as _tag's triples: array
    flags, dimensions, name, then the real part."""
    found, offset = [], 0
    for _ in range(count):
        found.append(_tag(body, offset, endian))
        offset = found[-1][2] + _padded(found[-1][1])
    return found


def _matrix_name(body: bytes, endian: str, partial: bool = False) -> str | None:
    """The variable's name. With `partial`, `body` may stop early (the start of an inflated
    element): None then, instead of an error."""
    try:
        _, size, start = _subelements(body, endian, 3)[2]
    except MatError:
        if partial:
            return None
        raise
    return body[start:start + size].decode("ascii", "replace")


def _read_matrix(body: bytes, endian: str, names: set[str], found: dict) -> None:
    name = _matrix_name(body, endian)
    if name not in names:
        return
    (flags_kind, flags_size, flags_at), (dims_kind, dims_size, dims_at), _, (kind, size, start) = \
        _subelements(body, endian, 4)
    if flags_kind != 6 or flags_size < 4:
        raise MatError(f"variable {name} has damaged array flags")
    flags = int(np.frombuffer(body, endian + "u4", 1, flags_at)[0])
    array_class = flags & 0xFF
    if array_class in OTHER_CLASSES:
        raise MatError(f"variable {name} is {OTHER_CLASSES[array_class]}, not a numeric matrix")
    if array_class not in NUMERIC_CLASSES:
        raise MatError(f"variable {name} has an unknown array class ({array_class})")
    if flags & COMPLEX_FLAG:
        raise MatError(f"variable {name} holds complex numbers, not pixels or labels")
    if dims_kind != 5 or dims_size % 4:
        raise MatError(f"variable {name} has damaged dimensions")
    dims = [int(d) for d in np.frombuffer(body, endian + "i4", dims_size // 4, dims_at)]
    stored = STORAGE_TYPES.get(kind)
    if stored is None:
        raise MatError(f"variable {name} stores its numbers in an unknown type ({kind})")
    if min(dims, default=0) < 0 or int(np.prod(dims, dtype=np.int64)) * np.dtype(stored).itemsize != size:
        raise MatError(f"variable {name}: its size {'x'.join(map(str, dims))} disagrees with "
                       f"its {size:,} bytes of data")
    values = np.frombuffer(body, endian + stored, size // np.dtype(stored).itemsize, start)
    # MATLAB stores column by column; the class, not the storage type, is what it holds.
    found[name] = values.reshape(dims, order="F").astype(NUMERIC_CLASSES[array_class])
