"""Keras mnist.npz, MATLAB mnist_uint8.mat, and folders of images."""

from __future__ import annotations

import sys

import numpy as np
import pytest
import scipy.io
from PIL import Image

from ganstudio.core.data import open_dataset
from ganstudio.core.errors import DataError

from support.data_samples import digit_images


def _keras_npz(path, train=30, test=20, **overrides):
    x_train, y_train = digit_images(train, seed=1)
    x_test, y_test = digit_images(test, seed=2)
    arrays = dict(x_train=x_train, y_train=y_train.astype(np.uint8), x_test=x_test, y_test=y_test.astype(np.uint8))
    arrays.update(overrides)
    np.savez_compressed(path, **arrays)
    return arrays


# --- Keras .npz ---------------------------------------------------------------------------

def test_keras_npz_train_and_test(tmp_path):
    path = tmp_path / "mnist.npz"
    arrays = _keras_npz(path)
    train = open_dataset(path)
    np.testing.assert_array_equal(train.images, arrays["x_train"])
    np.testing.assert_array_equal(train.labels, arrays["y_train"])
    assert train.labels.dtype == np.int64
    test = open_dataset(path, split="test")
    np.testing.assert_array_equal(test.images, arrays["x_test"])
    assert "test" in test.name and "20" in test.name


def test_npz_with_flat_float_images_in_0_1(tmp_path):
    path = tmp_path / "floats.npz"
    images, labels = digit_images(10)
    _keras_npz(path, x_train=(images.reshape(10, 784) / 255.0).astype(np.float32), y_train=labels)
    np.testing.assert_array_equal(open_dataset(path).images, images)


def test_npz_without_keras_names(tmp_path):
    path = tmp_path / "other.npz"
    np.savez(path, pictures=np.zeros((3, 28, 28), np.uint8))
    with pytest.raises(DataError, match="no array named x_train.*holds pictures"):
        open_dataset(path)


def test_npz_with_wrong_image_shape(tmp_path):
    path = tmp_path / "mnist.npz"
    _keras_npz(path, x_train=np.zeros((5, 32, 32), np.uint8), y_train=np.zeros(5, np.uint8))
    with pytest.raises(DataError, match=r"x_train has shape \(5, 32, 32\)"):
        open_dataset(path)


def test_npz_with_label_count_mismatch(tmp_path):
    path = tmp_path / "mnist.npz"
    _keras_npz(path, y_train=np.zeros(29, np.uint8))
    with pytest.raises(DataError, match="29 labels but there are 30 images"):
        open_dataset(path)


def test_npz_with_pixel_values_out_of_range(tmp_path):
    path = tmp_path / "mnist.npz"
    _keras_npz(path, x_train=np.full((3, 28, 28), 300, np.int32), y_train=np.zeros(3, np.uint8))
    with pytest.raises(DataError, match="values from 300 to 300"):
        open_dataset(path)


def test_npz_that_is_really_an_html_page(tmp_path):
    path = tmp_path / "mnist.npz"
    path.write_text("<html>Not Found</html>")
    with pytest.raises(DataError, match="mnist.npz: not a NumPy .npz archive .*HTML"):
        open_dataset(path)


def test_truncated_npz(tmp_path):
    path = tmp_path / "mnist.npz"
    _keras_npz(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DataError, match="mnist.npz: cannot read the .npz archive"):
        open_dataset(path)


def test_npz_is_found_by_content_under_another_name(tmp_path):
    path = tmp_path / "download.bin"
    arrays = _keras_npz(tmp_path / "x.npz")
    (tmp_path / "x.npz").rename(path)
    np.testing.assert_array_equal(open_dataset(path).images, arrays["x_train"])


# --- MATLAB .mat --------------------------------------------------------------------------

def _toolbox_mat(path, count=30, compress=False, **extra):
    images, labels = digit_images(count)
    one_hot = np.eye(10, dtype=np.uint8)[labels]
    scipy.io.savemat(path, {**extra, "train_x": images.reshape(count, 784), "train_y": one_hot,
                            "test_x": images[:10].reshape(10, 784), "test_y": one_hot[:10]},
                     do_compression=compress)
    return images, labels


@pytest.mark.parametrize("compress", [False, True], ids=["v5", "v7-compressed"])
def test_matlab_toolbox_file(tmp_path, compress):
    path = tmp_path / "mnist_uint8.mat"
    # Variables of other kinds come first: they are skipped, not misread.
    images, labels = _toolbox_mat(path, compress=compress, notes="made by a test",
                                  cells=np.array([[1, "a"]], dtype=object), info={"n": 30})
    ds = open_dataset(path)
    np.testing.assert_array_equal(ds.images, images)  # rows are row-major 28x28 images
    np.testing.assert_array_equal(ds.labels, labels)
    assert len(open_dataset(path, split="test")) == 10


def test_matlab_labels_that_are_not_one_hot(tmp_path):
    path = tmp_path / "mnist_uint8.mat"
    scipy.io.savemat(path, {"train_x": np.zeros((10, 784), np.uint8), "train_y": np.ones((10, 10), np.uint8)})
    with pytest.raises(DataError, match="not one-hot"):
        open_dataset(path)


def test_matlab_files_are_read_without_scipy(tmp_path, monkeypatch):
    path = tmp_path / "mnist_uint8.mat"
    images, _ = _toolbox_mat(path, compress=True)
    monkeypatch.setitem(sys.modules, "scipy", None)
    monkeypatch.setitem(sys.modules, "scipy.io", None)
    np.testing.assert_array_equal(open_dataset(path).images, images)


def _element(kind: int, payload: bytes, endian: str = "<") -> bytes:
    """One level-5 data element: its tag, then the payload padded to 8 bytes."""
    return np.array([kind, len(payload)], endian + "u4").tobytes() + payload.ljust(-(-len(payload) // 8) * 8, b"\0")


def _matrix(name: str, values: np.ndarray, array_class: int, endian: str = "<", flags: int = 0) -> bytes:
    """An miMATRIX element as MATLAB writes it, the values stored as their own dtype."""
    storage = {np.dtype("u1"): 2, np.dtype("f8"): 9}[values.dtype.newbyteorder("=")]
    return _element(14, _element(6, np.array([array_class | flags, 0], endian + "u4").tobytes(), endian)
                    + _element(5, np.array(values.shape, endian + "i4").tobytes(), endian)
                    + _element(1, name.encode(), endian)
                    + _element(storage, values.astype(values.dtype.newbyteorder(endian)).tobytes(order="F"), endian),
                    endian)


def _level5_file(*elements: bytes, endian: str = "<") -> bytes:
    mark = b"IM" if endian == "<" else b"MI"
    return b"MATLAB 5.0 MAT-file, written by a test".ljust(124) + np.array([0x0100], endian + "u2").tobytes() + mark + b"".join(elements)


@pytest.mark.parametrize("endian", ["<", ">"], ids=["little-endian", "big-endian"])
def test_matlab_stores_doubles_as_bytes_and_either_byte_order_reads(tmp_path, endian):
    """MATLAB keeps a double matrix of whole numbers as uint8 on disk; old machines wrote
    big-endian files. Both are read as the class says."""
    images, labels = digit_images(12)
    path = tmp_path / "mnist_uint8.mat"
    path.write_bytes(_level5_file(_matrix("train_x", images.reshape(12, 784), 6, endian),  # double
                                  _matrix("train_y", np.eye(10, dtype=np.uint8)[labels], 9, endian),
                                  endian=endian))
    ds = open_dataset(path)
    np.testing.assert_array_equal(ds.images, images)
    np.testing.assert_array_equal(ds.labels, labels)


@pytest.mark.parametrize("damage, message", [
    # scipy.io.loadmat 1.17 crashed the whole process (segfault) on this single flipped bit.
    (lambda: _matrix("train_x", np.zeros((2, 784), np.uint8), 9, flags=0x800), "complex numbers"),
    (lambda: _matrix("train_x", np.zeros((2, 784), np.uint8), 4), "is text, not a numeric matrix"),
    (lambda: _matrix("train_x", np.zeros((2, 784), np.uint8), 9)[:-40], "past the end of the file"),
    (lambda: _matrix("train_x", np.zeros((2, 784), np.uint8), 9).replace(
        np.array([2, 784], "<i4").tobytes(), np.array([3, 784], "<i4").tobytes()), "disagrees with"),
])
def test_damaged_matlab_variables_get_a_message(tmp_path, damage, message):
    path = tmp_path / "mnist_uint8.mat"
    path.write_bytes(_level5_file(damage()))
    with pytest.raises(DataError, match=f"mnist_uint8.mat: .*{message}"):
        open_dataset(path)


def test_matlab_v73_file_gets_a_resave_hint(tmp_path):
    path = tmp_path / "mnist_uint8.mat"
    path.write_bytes(b"MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: ...".ljust(512, b" "))
    with pytest.raises(DataError, match="v7.3.*-v7"):
        open_dataset(path)


def test_mat_that_is_really_a_zip(tmp_path):
    path = tmp_path / "mnist_uint8.mat"
    _keras_npz(path.with_suffix(".npz"))
    path.with_suffix(".npz").rename(path)
    with pytest.raises(DataError, match="not a MATLAB .mat file .*ZIP"):
        open_dataset(path)


# --- folders of images --------------------------------------------------------------------

def _digit_picture(size=(28, 28), ink=255, paper=0, mode="L"):
    """A bright vertical bar in the middle, like a "1"."""
    picture = Image.new(mode, size, paper)
    w, h = size
    half_width = max(2, w // 14)
    picture.paste(ink, (w // 2 - half_width, h // 6, w // 2 + half_width, h - h // 6))
    return picture


def test_labelled_subfolders(tmp_path):
    for digit in (3, 7):
        (tmp_path / str(digit)).mkdir()
        for i in range(2):
            _digit_picture().save(tmp_path / str(digit) / f"{i}.png")
    (tmp_path / "3" / "notes.txt").write_text("not an image, ignored")
    ds = open_dataset(tmp_path)
    assert ds.labels.tolist() == [3, 3, 7, 7]
    assert ds.images.shape == (4, 28, 28) and ds.images.dtype == np.uint8
    assert ds.images[0, 14, 14] == 255 and ds.images[0, 0, 0] == 0


def test_loose_images_have_no_labels(tmp_path):
    _digit_picture().save(tmp_path / "a.png")
    _digit_picture().convert("RGB").save(tmp_path / "b.jpg", quality=95)
    ds = open_dataset(tmp_path)
    assert ds.labels is None and len(ds) == 2
    with pytest.raises(DataError, match="has no test split"):
        open_dataset(tmp_path, split="test")


def test_dark_on_light_pictures_are_inverted_and_resized(tmp_path):
    _digit_picture(size=(84, 56), ink=0, paper=255).save(tmp_path / "drawn.png")
    image = open_dataset(tmp_path).images[0]
    assert image.shape == (28, 28)
    assert image[14, 14] > 200  # the stroke is bright, like MNIST
    assert image[14, 2] < 10 and image[0, 14] < 10  # the paper and the padding are black


def test_transparent_background_counts_as_paper(tmp_path):
    picture = Image.new("RGBA", (28, 28), (0, 0, 0, 0))
    picture.paste((0, 0, 0, 255), (12, 4, 16, 24))
    picture.save(tmp_path / "transparent.png")
    image = open_dataset(tmp_path).images[0]
    assert image[14, 14] > 200 and image[0, 0] < 10


def test_unreadable_image_names_the_file(tmp_path):
    _digit_picture().save(tmp_path / "good.png")
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage")
    with pytest.raises(DataError, match="broken.png: not a readable image"):
        open_dataset(tmp_path)


def test_folder_without_images(tmp_path):
    (tmp_path / "readme.txt").write_text("nothing here")
    with pytest.raises(DataError, match="contains no PNG or JPEG images"):
        open_dataset(tmp_path)


def test_a_single_image_file_points_to_its_folder(tmp_path):
    path = tmp_path / "one.png"
    _digit_picture().save(path)
    with pytest.raises(DataError, match="one.png: .*PNG image.*open the folder"):
        open_dataset(path)
