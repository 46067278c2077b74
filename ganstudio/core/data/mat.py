"""The MATLAB file of the 2014 DeepLearnToolbox, mnist_uint8.mat: train_x / test_x hold one
image per row (784 uint8, row-major like MNIST), train_y / test_y one-hot rows. Read by our
own level-5 reader (mat5.py), which needs nothing beyond NumPy."""

from __future__ import annotations

from pathlib import Path

from ganstudio.core.data.arrays import as_images, as_labels
from ganstudio.core.data.dataset import Dataset, describe
from ganstudio.core.data.mat5 import MatError, read_mat5
from ganstudio.core.data.sniff import HDF5_MAGIC, MATLAB_MAGIC, looks_like, read_bytes, read_head
from ganstudio.core.errors import DataError


def open_mat(path: Path, split: str) -> Dataset:
    head = read_head(path)
    if head.startswith(HDF5_MAGIC) or b"MATLAB 7.3" in head:
        raise DataError(f"{path}: a MATLAB v7.3 (HDF5) file, which GAN Studio cannot read; "
                        f"re-save it in MATLAB with save(..., '-v7')")
    if not head.startswith(MATLAB_MAGIC):
        raise DataError(f"{path}: not a MATLAB .mat file (it looks like {looks_like(head)})")
    x_key, y_key = f"{split}_x", f"{split}_y"
    try:
        contents = read_mat5(read_bytes(path), {x_key, y_key})
    except MatError as exc:
        raise DataError(f"{path}: cannot read the .mat file ({exc})") from None
    except MemoryError:
        raise DataError(f"{path}: a variable in the file is too large to load") from None
    if x_key not in contents:
        raise DataError(f"{path}: no variable named {x_key} (the layout of mnist_uint8.mat)")
    images = as_images(contents[x_key], path, x_key)
    labels = as_labels(contents[y_key], path, y_key, len(images)) if y_key in contents else None
    return Dataset(images, labels, describe(path.name, len(images), split), str(path))
