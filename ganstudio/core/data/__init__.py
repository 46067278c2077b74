"""Datasets: the bundled offline MNIST, IDX / Keras .npz / MATLAB .mat files, folders of
images, and full MNIST / Fashion-MNIST downloaded on request. No Qt here."""

from ganstudio.core.data.bundled import load_bundled
from ganstudio.core.data.dataset import Dataset, filter_digits, parse_digits
from ganstudio.core.data.opener import open_dataset

__all__ = ["Dataset", "filter_digits", "load_bundled", "open_dataset", "parse_digits"]
