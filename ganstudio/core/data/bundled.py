"""The offline default: 10,000 real MNIST digits shipped in assets/ (see assets/README.md),
split 8,000 for training and 2,000 held out."""

from __future__ import annotations

from pathlib import Path

from ganstudio.core.data.dataset import Dataset
from ganstudio.core.data.idx import load_pair
from ganstudio.core.errors import DataError
from ganstudio.core.files.bundled_assets import asset_path

SPLITS = ("train", "test")
_QUALIFIER = {"train": "bundled", "test": "bundled, held out"}


def bundled_files(split: str) -> tuple[Path, Path]:
    """(images, labels) paths of a split."""
    if split not in SPLITS:
        raise DataError(f"bundled MNIST: unknown split {split!r}; choose train or test")
    try:
        return (asset_path(f"mnist-bundled-{split}-images-idx3-ubyte.gz"),
                asset_path(f"mnist-bundled-{split}-labels-idx1-ubyte.gz"))
    except FileNotFoundError as exc:
        raise DataError(f"bundled MNIST: {exc}") from None


def load_bundled(split: str = "train") -> Dataset:
    images_path, labels_path = bundled_files(split)
    for path in (images_path, labels_path):
        if not path.is_file():
            raise DataError(f"{path}: the bundled MNIST file is missing from this installation")
    return load_pair(images_path, labels_path, "MNIST", _QUALIFIER[split], source="bundled")
