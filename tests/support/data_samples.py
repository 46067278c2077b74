"""Small generated dataset files for the data tests (tests/core/data/, tests/cli/)."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np

from ganstudio.core.data.idx import encode


def digit_images(count: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(uint8 (count, 28, 28), int64 labels) with every class present when count >= 10."""
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, size=(count, 28, 28), dtype=np.uint8)
    labels = np.arange(count, dtype=np.int64) % 10
    return images, labels


def write_idx(path: Path, array: np.ndarray, compress: bool | None = None) -> Path:
    payload = encode(array)
    if path.suffix == ".gz" if compress is None else compress:
        payload = gzip.compress(payload, mtime=0)
    path.write_bytes(payload)
    return path


def write_idx_pair(folder: Path, prefix: str = "train", count: int = 30, gz: bool = True,
                   seed: int = 0) -> tuple[Path, Path, np.ndarray, np.ndarray]:
    """Standard-named images + labels files; returns (images path, labels path, images, labels)."""
    images, labels = digit_images(count, seed)
    suffix = ".gz" if gz else ""
    images_path = write_idx(folder / f"{prefix}-images-idx3-ubyte{suffix}", images)
    labels_path = write_idx(folder / f"{prefix}-labels-idx1-ubyte{suffix}", labels.astype(np.uint8))
    return images_path, labels_path, images, labels
