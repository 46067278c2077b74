"""Opening a dataset by its spec, whether that needs the network, a download that opens what it
fetched, the digit filter and a fixed handful of example digits: the questions the window's
dataset jobs ask, in one place."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from ganstudio.core.data import filter_digits, open_dataset
from ganstudio.core.data.catalog import REMOTE_DATASETS, missing_files
from ganstudio.core.data.download import download as download_remote


def open_spec(spec: str):
    return open_dataset(spec)


def needs_download(spec: str) -> bool:
    return spec in REMOTE_DATASETS and bool(missing_files(REMOTE_DATASETS[spec]))


def is_local(spec: str) -> bool:
    """Opens without the network: the bundled set, a complete download, an existing path."""
    if spec == "bundled":
        return True
    if spec in REMOTE_DATASETS:
        return not needs_download(spec)
    return bool(spec) and Path(spec).exists()


def download(spec: str, report, cancel: threading.Event | None = None):
    """Fetches a full dataset (resuming a partial one) and opens it."""
    download_remote(spec, progress=report, cancel=cancel)
    return open_dataset(spec)


def apply_filter(dataset, digits):
    return dataset if digits is None or dataset is None else filter_digits(dataset, digits)


def example_digits(dataset, count: int) -> np.ndarray:
    """The same `count` real digits for a given dataset every time, spread over the set."""
    if dataset is None or len(dataset) == 0:
        return np.zeros((0, 28, 28), np.uint8)
    rng = np.random.default_rng(0)
    chosen = rng.choice(len(dataset), size=min(count, len(dataset)), replace=False)
    return dataset.images[np.sort(chosen)]
