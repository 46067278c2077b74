"""IDX files: gzip and raw, the standard file naming, folders, and every kind of bad file."""

from __future__ import annotations

import gzip

import numpy as np
import pytest

from ganstudio.core.data import filter_digits, open_dataset
from ganstudio.core.errors import DataError

from support.data_samples import digit_images, write_idx, write_idx_pair


@pytest.mark.parametrize("gz", [True, False])
def test_images_file_is_read_with_its_labels_file(tmp_path, gz):
    images_path, _, images, labels = write_idx_pair(tmp_path, gz=gz)
    ds = open_dataset(images_path)
    assert ds.images.dtype == np.uint8 and ds.images.flags.c_contiguous
    np.testing.assert_array_equal(ds.images, images)
    np.testing.assert_array_equal(ds.labels, labels)
    assert ds.labels.dtype == np.int64
    assert ds.source == str(images_path)
    assert "30" in ds.name


def test_labels_file_leads_to_its_images_file(tmp_path):
    _, labels_path, images, _ = write_idx_pair(tmp_path)
    np.testing.assert_array_equal(open_dataset(labels_path).images, images)


def test_kaggle_style_names_with_a_dot_are_paired(tmp_path):
    images, labels = digit_images(12)
    path = write_idx(tmp_path / "train-images.idx3-ubyte", images)
    write_idx(tmp_path / "train-labels.idx1-ubyte", labels.astype(np.uint8))
    np.testing.assert_array_equal(open_dataset(path).labels, labels)


def test_gzipped_images_pair_with_raw_labels(tmp_path):
    images, labels = digit_images(12)
    path = write_idx(tmp_path / "train-images-idx3-ubyte.gz", images)
    write_idx(tmp_path / "train-labels-idx1-ubyte", labels.astype(np.uint8))
    np.testing.assert_array_equal(open_dataset(path).labels, labels)


def test_content_not_name_decides_about_gzip(tmp_path):
    images, _ = digit_images(5)
    path = write_idx(tmp_path / "digits-idx3-ubyte", images, compress=True)
    np.testing.assert_array_equal(open_dataset(path).images, images)


def test_images_without_a_labels_file_have_no_labels_and_cannot_be_filtered(tmp_path):
    images, _ = digit_images(5)
    ds = open_dataset(write_idx(tmp_path / "my-images-idx3-ubyte.gz", images))
    assert ds.labels is None
    with pytest.raises(DataError, match="no labels"):
        filter_digits(ds, [3])


def test_folder_with_standard_names_gives_train_or_test_split(tmp_path):
    write_idx_pair(tmp_path, "train", count=30, seed=1)
    _, _, test_images, test_labels = write_idx_pair(tmp_path, "t10k", count=20, seed=2)
    assert len(open_dataset(tmp_path)) == 30
    test = open_dataset(tmp_path, split="test")
    np.testing.assert_array_equal(test.images, test_images)
    np.testing.assert_array_equal(test.labels, test_labels)
    assert test.source == str(tmp_path)


def test_digit_filter_applies_to_files(tmp_path):
    images_path, _, _, labels = write_idx_pair(tmp_path, count=40)
    ds = open_dataset(images_path, digits=[3, 5])
    assert set(ds.labels.tolist()) == {3, 5}
    assert len(ds) == int(np.isin(labels, [3, 5]).sum())


def test_folder_with_two_different_training_sets_is_ambiguous(tmp_path):
    write_idx_pair(tmp_path, "a-train")
    write_idx_pair(tmp_path, "b-train")
    with pytest.raises(DataError, match="several train image files"):
        open_dataset(tmp_path)


def test_folder_without_the_requested_split(tmp_path):
    write_idx_pair(tmp_path, "train")
    with pytest.raises(DataError, match="no test images file"):
        open_dataset(tmp_path, split="test")


def _expect_error(path, *phrases):
    with pytest.raises(DataError) as caught:
        open_dataset(path)
    message = str(caught.value)
    assert path.name in message and "\n" not in message
    for phrase in phrases:
        assert phrase in message
    return message


def _header(kind=0x08, ndim=3, dims=(2, 28, 28)):
    return bytes([0, 0, kind, ndim]) + b"".join(d.to_bytes(4, "big") for d in dims)


def test_wrong_magic_number(tmp_path):
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(b"\x01\x02" + _header()[2:] + bytes(2 * 784))
    _expect_error(path, "not an IDX images file")


def test_unsupported_value_type(tmp_path):
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(_header(kind=0x0D) + bytes(4 * 2 * 784))
    _expect_error(path, "0x0d", "not supported")


def test_labels_file_where_images_were_expected(tmp_path):
    _, labels_path, _, _ = write_idx_pair(tmp_path)
    images_path = tmp_path / "train-images-idx3-ubyte.gz"
    images_path.write_bytes(labels_path.read_bytes())
    _expect_error(images_path, "expected an IDX images file", "labels file")


def test_truncated_data(tmp_path):
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(_header(dims=(3, 28, 28)) + bytes(2 * 784 + 5))
    _expect_error(path, "truncated", "3 images")


def test_truncated_header(tmp_path):
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(_header()[:9])
    _expect_error(path, "header is truncated")


def test_trailing_bytes(tmp_path):
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(_header(dims=(1, 28, 28)) + bytes(784 + 7))
    _expect_error(path, "7 unexpected bytes")


def test_image_label_count_mismatch(tmp_path):
    images_path, labels_path, _, labels = write_idx_pair(tmp_path, count=30)
    write_idx(labels_path, labels[:29].astype(np.uint8))
    with pytest.raises(DataError, match="29 labels but train-images-idx3-ubyte.gz holds 30 images"):
        open_dataset(images_path)


def test_images_that_are_not_28_by_28(tmp_path):
    path = write_idx(tmp_path / "train-images-idx3-ubyte", np.zeros((4, 32, 32), np.uint8))
    _expect_error(path, "32x32", "28x28")


def test_label_out_of_range(tmp_path):
    images_path, labels_path, _, labels = write_idx_pair(tmp_path, count=30)
    bad = labels.astype(np.uint8)
    bad[17] = 12
    write_idx(labels_path, bad)
    with pytest.raises(DataError, match=r"label 12 at item 17"):
        open_dataset(images_path)


def test_empty_idx_file(tmp_path):
    path = write_idx(tmp_path / "train-images-idx3-ubyte", np.zeros((0, 28, 28), np.uint8))
    _expect_error(path, "contains no images")


def test_zero_byte_file(tmp_path):
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(b"")
    _expect_error(path, "empty file")


def test_truncated_gzip(tmp_path):
    images_path, _, _, _ = write_idx_pair(tmp_path)
    data = images_path.read_bytes()
    images_path.write_bytes(data[: len(data) // 2])
    _expect_error(images_path, "gzip data is truncated")


def test_html_page_saved_under_an_idx_name(tmp_path):
    path = tmp_path / "train-images-idx3-ubyte.gz"
    path.write_text("<!DOCTYPE html><html><body>403 Forbidden</body></html>")
    _expect_error(path, "HTML", "failed download")


def test_gzip_of_something_else(tmp_path):
    path = tmp_path / "data.bin"
    path.write_bytes(gzip.compress(b"hello, these are not digits"))
    _expect_error(path, "not of IDX data")


def test_lone_labels_file_without_images(tmp_path):
    path = write_idx(tmp_path / "train-labels-idx1-ubyte", np.zeros(3, np.uint8))
    _expect_error(path, "labels file", "was not found")


def test_single_file_has_no_test_split(tmp_path):
    images_path, _, _, _ = write_idx_pair(tmp_path)
    with pytest.raises(DataError, match="no test split"):
        open_dataset(images_path, split="test")
