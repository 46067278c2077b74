"""Downloads against a local HTTP server on 127.0.0.1 (never the internet): a good mirror,
a truncated file, a wrong checksum, a server error, a connection dropped mid-file, resuming
with Range, cancelling."""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest

from ganstudio.core.data import open_dataset
from ganstudio.core.data.catalog import MNIST, RemoteFile
from ganstudio.core.data.download import DownloadCancelled, download
from ganstudio.core.data.idx import encode
from ganstudio.core.errors import DataError

from support.data_samples import digit_images


def _generated_files():
    """MNIST-named gzip IDX files (small), by name."""
    train_images, train_labels = digit_images(300, seed=1)
    test_images, test_labels = digit_images(50, seed=2)
    arrays = {"train-images-idx3-ubyte.gz": train_images, "train-labels-idx1-ubyte.gz": train_labels.astype(np.uint8),
              "t10k-images-idx3-ubyte.gz": test_images, "t10k-labels-idx1-ubyte.gz": test_labels.astype(np.uint8)}
    return {name: gzip.compress(encode(array), mtime=0) for name, array in arrays.items()}


FILES = _generated_files()


class _Handler(BaseHTTPRequestHandler):
    """GET /<behaviour>/<file name>; behaviours: good, norange, error, truncated, badsum, drop."""

    def log_message(self, *args):  # keep the test output clean
        pass

    def do_GET(self):
        behaviour, _, name = self.path.strip("/").partition("/")
        self.server.requests.append((behaviour, name, self.headers.get("Range")))
        body = FILES.get(name)
        if body is None or behaviour == "error":
            self.send_error(404 if body is None else 500)
            return
        if behaviour == "truncated":
            body = body[: len(body) // 2]
        if behaviour == "badsum":
            body = body[:-9] + bytes([body[-9] ^ 0xFF]) + body[-8:]
        start = 0
        range_header = self.headers.get("Range")
        if range_header and behaviour == "good":
            start = int(range_header.removeprefix("bytes=").rstrip("-"))
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(len(body) - start))
        self.end_headers()
        if behaviour == "drop":
            self.wfile.write(body[: len(body) // 3])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(body[start:])


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _remote(server, *behaviours):
    files = tuple(RemoteFile(name, hashlib.sha256(body).hexdigest(), len(body)) for name, body in FILES.items())
    return dataclasses.replace(MNIST, files=files, mirrors=tuple(f"{server.url}/{b}" for b in behaviours))


def _assert_complete(folder):
    for name, body in FILES.items():
        assert (folder / name).read_bytes() == body
    assert not list(folder.glob("*.part"))


def test_good_mirror_with_progress(server, tmp_path):
    reports = []
    folder = download(_remote(server, "good"), tmp_path / "mnist", progress=lambda d, t: reports.append((d, t)))
    _assert_complete(folder)
    total = sum(map(len, FILES.values()))
    assert reports[-1] == (total, total)
    assert all(t == total and 0 <= d <= total for d, t in reports)
    assert len(open_dataset(folder)) == 300 and len(open_dataset(folder, split="test")) == 50


def test_default_folder_comes_from_the_environment_and_opens_as_mnist(server, tmp_path, monkeypatch):
    monkeypatch.setenv("GANSTUDIO_DATA_DIR", str(tmp_path))
    assert download(_remote(server, "good")) == tmp_path / "mnist"
    ds = open_dataset("mnist")
    assert len(ds) == 300 and ds.source == str(tmp_path / "mnist")


def test_verified_files_are_not_downloaded_again(server, tmp_path):
    remote = _remote(server, "good")
    download(remote, tmp_path)
    server.requests.clear()
    download(remote, tmp_path)
    assert server.requests == []


def test_a_damaged_existing_file_is_replaced(server, tmp_path):
    remote = _remote(server, "good")
    download(remote, tmp_path)
    (tmp_path / "t10k-labels-idx1-ubyte.gz").write_bytes(b"junk")
    download(remote, tmp_path)
    _assert_complete(tmp_path)


def test_server_error_falls_back_to_the_next_mirror(server, tmp_path):
    download(_remote(server, "error", "good"), tmp_path)
    _assert_complete(tmp_path)
    assert ("error", "train-images-idx3-ubyte.gz", None) in server.requests


def test_truncated_file_is_rejected_and_nothing_is_left(server, tmp_path):
    with pytest.raises(DataError) as caught:
        download(_remote(server, "truncated"), tmp_path)
    message = str(caught.value)
    assert "train-images-idx3-ubyte.gz" in message and "expected" in message and "/truncated/" in message
    assert list(tmp_path.iterdir()) == []


def test_wrong_checksum_is_rejected_and_nothing_is_left(server, tmp_path):
    with pytest.raises(DataError, match="wrong SHA-256 checksum"):
        download(_remote(server, "badsum"), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_wrong_checksum_then_a_good_mirror(server, tmp_path):
    download(_remote(server, "badsum", "good"), tmp_path)
    _assert_complete(tmp_path)


def test_every_mirror_failing_names_each(server, tmp_path):
    with pytest.raises(DataError) as caught:
        download(_remote(server, "error", "badsum"), tmp_path)
    message = str(caught.value)
    assert "HTTP 500" in message and "wrong SHA-256" in message and "\n" not in message


def test_dropped_connection_leaves_a_part_that_the_next_run_resumes(server, tmp_path):
    with pytest.raises(DataError, match="connection"):
        download(_remote(server, "drop"), tmp_path)
    first = "train-images-idx3-ubyte.gz"
    part = tmp_path / (first + ".part")
    assert part.stat().st_size == len(FILES[first]) // 3
    assert not (tmp_path / first).exists()  # never a half-written file under the real name
    server.requests.clear()
    download(_remote(server, "good"), tmp_path)
    _assert_complete(tmp_path)
    assert ("good", first, f"bytes={len(FILES[first]) // 3}-") in server.requests


def test_dropped_connection_resumes_from_the_next_mirror_in_the_same_run(server, tmp_path):
    download(_remote(server, "drop", "good"), tmp_path)
    _assert_complete(tmp_path)
    assert any(b == "good" and r for b, _, r in server.requests)


def test_server_ignoring_range_restarts_from_zero(server, tmp_path):
    first = "train-images-idx3-ubyte.gz"
    (tmp_path / (first + ".part")).write_bytes(FILES[first][:1000])
    download(_remote(server, "norange"), tmp_path)
    _assert_complete(tmp_path)


def test_a_bad_leftover_part_is_retried_from_scratch(server, tmp_path):
    first = "train-images-idx3-ubyte.gz"
    (tmp_path / (first + ".part")).write_bytes(b"\x00" * 1000)  # not a prefix of the real file
    download(_remote(server, "good"), tmp_path)
    _assert_complete(tmp_path)
    ranges = [r for _, name, r in server.requests if name == first]
    assert ranges == ["bytes=1000-", None]


def test_cancel_keeps_the_part_for_later(server, tmp_path):
    cancel = threading.Event()

    def progress(done, total):
        if done > 0:
            cancel.set()

    with pytest.raises(DownloadCancelled, match="cancelled"):
        download(_remote(server, "good"), tmp_path, progress=progress, cancel=cancel)
    assert not [p for p in tmp_path.iterdir() if not p.name.endswith(".part")]
    download(_remote(server, "good"), tmp_path)
    _assert_complete(tmp_path)


def test_unknown_dataset_name(tmp_path):
    with pytest.raises(DataError, match="unknown dataset 'digits'"):
        download("digits", tmp_path)
