"""Keras's mnist.npz: arrays x_train, y_train, x_test, y_test in one NumPy .npz archive."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ganstudio.core.data.arrays import as_images, as_labels
from ganstudio.core.data.dataset import Dataset, describe
from ganstudio.core.data.sniff import EMPTY_ZIP_MAGIC, ZIP_MAGIC, looks_like, read_head, short_reason
from ganstudio.core.errors import DataError


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
