"""Turning arrays read from .npz / .mat files into Dataset-ready images and labels."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ganstudio.core.data.dataset import IMAGE_SHAPE, NUM_CLASSES
from ganstudio.core.errors import DataError

_FLAT_SIZE = IMAGE_SHAPE[0] * IMAGE_SHAPE[1]
# The most one array of a data file may hold (full MNIST's training images as float64 take
# 376 MB): a larger declared size is refused before it is allocated.
MAX_ARRAY_BYTES = 1 << 30


def _require_array(value: object, path: Path, key: str) -> None:
    if not isinstance(value, np.ndarray):
        raise DataError(f"{path}: {key} is a {type(value).__name__}, not a plain numeric array")


def as_images(array: np.ndarray, path: Path, key: str) -> np.ndarray:
    """uint8 (N, 28, 28) from (N, 28, 28) or (N, 784) rows (C order, as MNIST stores them),
    given as 0..255 integers or as floats in [0, 1] or [0, 255]."""
    _require_array(array, path, key)
    if array.ndim == 2 and array.shape[1] == _FLAT_SIZE:
        array = array.reshape(-1, *IMAGE_SHAPE)
    if array.ndim != 3 or array.shape[1:] != IMAGE_SHAPE:
        raise DataError(f"{path}: {key} has shape {array.shape}; expected (N, 28, 28) or (N, 784) images")
    if len(array) == 0:
        raise DataError(f"{path}: {key} contains no images")
    if array.dtype == np.uint8:
        return np.ascontiguousarray(array)
    if array.dtype.kind == "b":
        return np.ascontiguousarray(array, dtype=np.uint8) * np.uint8(255)
    if array.dtype.kind not in "iuf":
        raise DataError(f"{path}: {key} holds {array.dtype} values, not pixel intensities")
    low, high = float(array.min()), float(array.max())
    if not (np.isfinite(low) and np.isfinite(high)) or low < 0 or high > 255:
        raise DataError(f"{path}: {key} has values from {low:g} to {high:g}; expected 0..255 (or 0..1)")
    if array.dtype.kind == "f" and high <= 1.0:
        array = array * 255.0
    return np.ascontiguousarray(np.rint(array), dtype=np.uint8)


def as_labels(array: np.ndarray, path: Path, key: str, count: int) -> np.ndarray:
    """int64 (N,) from class numbers, a MATLAB row/column vector, or one-hot rows (N, 10)."""
    _require_array(array, path, key)
    if array.ndim == 2 and array.shape == (count, NUM_CLASSES) and count != 1:
        if not (np.isin(array, (0, 1)).all() and (array.sum(axis=1) == 1).all()):
            raise DataError(f"{path}: {key} is (N, 10) but not one-hot: each row needs exactly one 1")
        array = array.argmax(axis=1)
    elif array.ndim == 2 and 1 in array.shape:
        array = array.ravel()
    if array.ndim != 1 or array.dtype.kind not in "iuf":
        raise DataError(f"{path}: {key} has shape {array.shape} and type {array.dtype}; expected class numbers 0-9")
    if len(array) != count:
        raise DataError(f"{path}: {key} holds {len(array):,} labels but there are {count:,} images")
    valid = np.isfinite(array) & (array >= 0) & (array < NUM_CLASSES) & (array == np.floor(array))
    if not valid.all():
        first = int(np.flatnonzero(~valid)[0])
        raise DataError(f"{path}: {key} has label {array[first]} at item {first:,}; labels must be classes 0-9")
    return array.astype(np.int64)
