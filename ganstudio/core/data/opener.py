"""open_dataset: one entry point for every kind of data GAN Studio reads."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ganstudio.core.data import idx
from ganstudio.core.data.bundled import SPLITS, load_bundled
from ganstudio.core.data.catalog import REMOTE_DATASETS, RemoteDataset, dataset_dir, download_state
from ganstudio.core.data.dataset import Dataset, filter_digits
from ganstudio.core.data.image_folder import IMAGE_SUFFIXES, open_image_folder
from ganstudio.core.data.mat import open_mat
from ganstudio.core.data.npz import open_npz
from ganstudio.core.data.sniff import (
    GZIP_MAGIC,
    HDF5_MAGIC,
    MATLAB_MAGIC,
    ZIP_MAGIC,
    looks_like,
    read_head,
    read_head_maybe_gzip,
)
from ganstudio.core.errors import DataError

SPEC_HELP = "'bundled', 'mnist', 'fashion' or a path to a file or folder"


def open_downloaded(remote: RemoteDataset, split: str = "train") -> Dataset:
    directory = dataset_dir(remote)
    state = download_state(remote, directory)
    if state != "complete":
        raise DataError(f"{directory}: full {remote.title} is {state}; run: ganstudio data download {remote.key}")
    return idx.open_directory(directory, split, remote.title)


def _is_idx_name(path: Path) -> bool:
    name = path.name.lower()
    return "idx" in name or "ubyte" in name


def _open_by_content(path: Path, split: str) -> Dataset:
    head = read_head(path)
    if head.startswith(GZIP_MAGIC) or head.startswith(b"\x00\x00"):
        inner = read_head_maybe_gzip(path, 4)
        if inner.startswith(b"\x00\x00"):
            return idx.open_file(path)
        raise DataError(f"{path}: a gzip file, but not of IDX data (it holds {looks_like(inner)})")
    if head.startswith(ZIP_MAGIC):
        return open_npz(path, split)
    if head.startswith((MATLAB_MAGIC, HDF5_MAGIC)):
        return open_mat(path, split)
    hint = "; to use images, open the folder that holds them" if path.suffix.lower() in IMAGE_SUFFIXES else ""
    raise DataError(f"{path}: not a dataset GAN Studio can read (it looks like {looks_like(head)}){hint}")


def _open_file(path: Path, split: str) -> Dataset:
    """By the name when it says what the file is (so a lie gets a clear message), else by content."""
    suffix = path.suffix.lower()
    if suffix == ".npz":
        return open_npz(path, split)
    if suffix == ".mat":
        return open_mat(path, split)
    if _is_idx_name(path):
        if split != "train":
            raise DataError(f"{path}: a single IDX file has no {split} split; open the {split} file itself")
        return idx.open_file(path)
    return _open_by_content(path, split)


def _open_path(path: Path, split: str) -> Dataset:
    if path.is_dir():
        if idx.has_idx_files(path):
            return idx.open_directory(path, split)
        if split != "train":
            raise DataError(f"{path}: a folder of images has no {split} split")
        return open_image_folder(path)
    if path.is_file():
        return _open_file(path, split)
    raise DataError(f"{path}: no such file or folder (expected {SPEC_HELP})")


def open_dataset(spec: str | Path, digits: Iterable[int] | None = None, *, split: str = "train") -> Dataset:
    """Opens `spec` ("bundled", "mnist", "fashion" or a path); `digits` keeps only those
    classes; `split` picks "train" or "test" where the source has both."""
    if split not in SPLITS:
        raise DataError(f"unknown split {split!r}; choose train or test")
    keyword = spec.strip().lower() if isinstance(spec, str) else None
    if keyword == "bundled":
        dataset = load_bundled(split)
    elif keyword in REMOTE_DATASETS:
        dataset = open_downloaded(REMOTE_DATASETS[keyword], split)
    elif isinstance(spec, str) and not spec.strip():
        raise DataError(f"no dataset given (expected {SPEC_HELP})")
    else:
        path = Path(spec).expanduser()
        dataset = _open_path(path, split)
        keyword = str(path.resolve())
    if split == "train":
        dataset.spec = keyword
    return dataset if digits is None else filter_digits(dataset, digits)
