"""The Dataset every loader returns, and the digit filter."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from ganstudio.core.errors import DataError

IMAGE_SHAPE = (28, 28)
NUM_CLASSES = 10
# Above every set of 28x28 digits (MNIST 70,000, QMNIST 120,000, EMNIST digits 240,000 for
# training): a file that says it holds more is refused before anything is allocated. Training
# keeps a float copy (4 bytes a pixel), so this also bounds memory: 300,000 images are ~1.2 GB
# in all. (At 1,000,000, a 761 KB gzip of blank images took 4.6 GB.)
MAX_IMAGES = 300_000


@dataclass(eq=False)
class Dataset:
    images: np.ndarray  # uint8, (N, 28, 28), C-contiguous
    labels: np.ndarray | None  # int64, (N,), values 0..9, or None when unknown
    name: str  # short human name, e.g. "MNIST (bundled, 8,000)"
    source: str  # path or "bundled"
    # How to open it again (set by open_dataset and filter_digits; a checkpoint records them so
    # that a resumed run trains on the same data): the spec, with paths made absolute, and the
    # digits kept (None: all).
    spec: str | None = None
    digits: tuple[int, ...] | None = None

    def __post_init__(self) -> None:
        # Loaders validate user data and raise DataError; reaching these checks is a bug.
        images = self.images
        if not (isinstance(images, np.ndarray) and images.dtype == np.uint8 and images.ndim == 3
                and images.shape[1:] == IMAGE_SHAPE and images.flags.c_contiguous and len(images)):
            raise ValueError("Dataset.images must be a non-empty C-contiguous uint8 array (N, 28, 28)")
        labels = self.labels
        if labels is not None and not (
            isinstance(labels, np.ndarray) and labels.dtype == np.int64 and labels.shape == (len(images),)
            and labels.min() >= 0 and labels.max() < NUM_CLASSES
        ):
            raise ValueError("Dataset.labels must be None or int64 (N,) with values 0..9")

    def __len__(self) -> int:
        return len(self.images)

    def fingerprint(self) -> str:
        """SHA-256 of the images (and labels), computed once: tells the same data apart from
        other data whatever path it was opened from."""
        cached = self.__dict__.get("_fingerprint")
        if cached is None:
            digest = hashlib.sha256(self.images.tobytes())
            if self.labels is not None:
                digest.update(self.labels.tobytes())
            cached = self.__dict__["_fingerprint"] = digest.hexdigest()
        return cached

    def class_counts(self) -> list[int] | None:
        """Images per digit 0..9, or None when the dataset has no labels."""
        if self.labels is None:
            return None
        return np.bincount(self.labels, minlength=NUM_CLASSES).tolist()


def describe(title: str, count: int, qualifier: str = "") -> str:
    """The convention for Dataset.name: "MNIST (bundled, 8,000)", "digits (1,234)"."""
    return f"{title} ({qualifier}, {count:,})" if qualifier else f"{title} ({count:,})"


def check_digits(digits: Iterable[int]) -> tuple[int, ...]:
    """Sorted unique digits, each 0..9; DataError otherwise."""
    chosen = set()
    for digit in digits:
        if isinstance(digit, bool) or not isinstance(digit, (int, np.integer)) or not 0 <= digit <= 9:
            raise DataError(f"digit filter: {digit!r} is not a digit 0-9")
        chosen.add(int(digit))
    if not chosen:
        raise DataError("digit filter: choose at least one digit 0-9")
    return tuple(sorted(chosen))


def parse_digits(text: str) -> tuple[int, ...]:
    """"3,5" or "3 5" -> (3, 5), for command lines and settings."""
    parts = text.replace(",", " ").split()
    if not all(part.isdigit() for part in parts):
        raise DataError(f"digit filter: {text!r} is not a list of digits such as 3,5")
    return check_digits(int(part) for part in parts)


def filter_digits(ds: Dataset, digits: Iterable[int]) -> Dataset:
    """The images of the chosen digits only (a new Dataset; `ds` is left alone)."""
    chosen = check_digits(digits)
    if ds.labels is None:
        raise DataError(f"{ds.source}: this dataset has no labels, so it cannot be filtered by digit")
    keep = np.isin(ds.labels, chosen)
    count = int(keep.sum())
    listed = ", ".join(map(str, chosen))
    if count == 0:
        raise DataError(f"{ds.source}: has no images of digit {listed}")
    return Dataset(
        images=np.ascontiguousarray(ds.images[keep]),
        labels=ds.labels[keep],
        name=f"{ds.name}, digit {listed} only ({count:,})",
        source=ds.source,
        spec=ds.spec,
        digits=chosen,
    )
