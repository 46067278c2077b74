"""Property tests: random corruptions of valid files, thrown at every loader, must give either
a valid Dataset or a one-line DataError naming the file, never any other exception."""

from __future__ import annotations

import gzip
import io

import numpy as np
import pytest
import scipy.io
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from ganstudio.core.data import Dataset, open_dataset
from ganstudio.core.data.idx import encode
from ganstudio.core.errors import DataError

from support.data_samples import digit_images

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _valid_files() -> dict[str, bytes]:
    images, labels = digit_images(20)
    npz = io.BytesIO()
    np.savez(npz, x_train=images, y_train=labels.astype(np.uint8), x_test=images[:5], y_test=labels[:5])
    mat = io.BytesIO()
    scipy.io.savemat(mat, {"train_x": images.reshape(20, 784), "train_y": np.eye(10, dtype=np.uint8)[labels]})
    png, jpeg = io.BytesIO(), io.BytesIO()
    Image.fromarray(images[0]).save(png, format="PNG")
    Image.fromarray(images[1]).save(jpeg, format="JPEG")
    return {
        "images.gz": gzip.compress(encode(images), mtime=0),
        "labels.gz": gzip.compress(encode(labels.astype(np.uint8)), mtime=0),
        "images.raw": encode(images),
        "labels.raw": encode(labels.astype(np.uint8)),
        "npz": npz.getvalue(),
        "mat": mat.getvalue(),
        "png": png.getvalue(),
        "jpeg": jpeg.getvalue(),
    }


VALID = _valid_files()


@st.composite
def corruptions(draw, data: bytes) -> bytes:
    kind = draw(st.sampled_from(["truncate", "flip", "magic", "count", "append"]))
    if kind == "truncate":
        return data[: draw(st.integers(0, len(data) - 1))]
    if kind == "append":
        return data + draw(st.binary(min_size=1, max_size=64))
    if kind == "magic":
        return draw(st.binary(min_size=4, max_size=4)) + data[4:]
    if kind == "count":  # the IDX item count (or whatever the format keeps there)
        return data[:4] + draw(st.integers(0, 2**32 - 1)).to_bytes(4, "big") + data[8:]
    damaged = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, len(data) - 1))
        damaged[position] ^= draw(st.integers(1, 255))
    return bytes(damaged)


def _open_and_check(path, damaged=None):
    try:
        ds = open_dataset(path)
    except DataError as exc:
        message = str(exc)
        assert "\n" not in message and (damaged or path).name in message, message
        return
    assert isinstance(ds, Dataset)
    assert ds.images.dtype == np.uint8 and ds.images.ndim == 3 and ds.images.shape[1:] == (28, 28)
    assert ds.labels is None or (ds.labels.shape == (len(ds),) and 0 <= ds.labels.min() and ds.labels.max() <= 9)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("corrupt")


@pytest.mark.parametrize("variant", ["gz", "raw"])
@pytest.mark.parametrize("damaged_part", ["images", "labels"])
def test_idx_pairs(workdir, variant, damaged_part):
    folder = workdir / f"idx-{variant}-{damaged_part}"
    folder.mkdir()
    suffix = ".gz" if variant == "gz" else ""
    paths = {part: folder / f"train-{part}-idx{3 if part == 'images' else 1}-ubyte{suffix}" for part in ("images", "labels")}
    paths["labels"].write_bytes(VALID[f"labels.{variant}"])
    paths["images"].write_bytes(VALID[f"images.{variant}"])

    @SETTINGS
    @given(data=st.data())
    def check(data):
        original = VALID[f"{damaged_part}.{variant}"]
        paths[damaged_part].write_bytes(data.draw(corruptions(original)))
        _open_and_check(paths["images"], paths[damaged_part])

    check()


@pytest.mark.parametrize("kind, name", [("npz", "mnist.npz"), ("mat", "mnist_uint8.mat")])
def test_npz_and_mat(workdir, kind, name):
    path = workdir / name

    @SETTINGS
    @given(data=st.data())
    def check(data):
        path.write_bytes(data.draw(corruptions(VALID[kind])))
        _open_and_check(path)

    check()


@pytest.mark.parametrize("kind", ["png", "jpeg"])
def test_image_folders(workdir, kind):
    folder = workdir / f"folder-{kind}"
    (folder / "3").mkdir(parents=True)
    path = folder / "3" / f"digit.{'png' if kind == 'png' else 'jpg'}"

    @SETTINGS
    @given(data=st.data())
    def check(data):
        path.write_bytes(data.draw(corruptions(VALID[kind])))
        try:
            ds = open_dataset(folder)
        except DataError as exc:
            assert "\n" not in str(exc) and path.name in str(exc)
            return
        assert ds.images.shape == (1, 28, 28) and ds.labels.tolist() == [3]

    check()
