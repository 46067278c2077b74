"""The Data panel: a full-set download with progress (from a local server), and the digit filter."""

from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import threading

import numpy as np
import pytest

from ganstudio.core.data import idx
from ganstudio.core.data.catalog import REMOTE_DATASETS, RemoteDataset, RemoteFile
from ganstudio.gui.training.controller import State


@pytest.fixture
def local_mnist(tmp_path, monkeypatch):
    """A tiny "full MNIST" served on 127.0.0.1, registered in place of the real one."""
    served = tmp_path / "served"
    served.mkdir()
    rng = np.random.default_rng(0)
    arrays = {
        "train-images-idx3-ubyte.gz": rng.integers(0, 256, (300, 28, 28), dtype=np.uint8),
        "train-labels-idx1-ubyte.gz": (np.arange(300) % 10).astype(np.uint8),
        "t10k-images-idx3-ubyte.gz": rng.integers(0, 256, (50, 28, 28), dtype=np.uint8),
        "t10k-labels-idx1-ubyte.gz": (np.arange(50) % 10).astype(np.uint8),
    }
    files = []
    for name, array in arrays.items():
        data = gzip.compress(idx.encode(array))
        (served / name).write_bytes(data)
        files.append(RemoteFile(name, hashlib.sha256(data).hexdigest(), len(data)))
    handler = functools.partial(_QuietHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    mirror = f"http://127.0.0.1:{server.server_address[1]}"
    monkeypatch.setitem(REMOTE_DATASETS, "mnist", RemoteDataset("mnist", "MNIST", tuple(files), (mirror,)))
    yield
    server.shutdown()
    server.server_close()
    thread.join()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def test_full_mnist_downloads_with_progress_and_becomes_the_dataset(make_window, qtbot, local_mnist):
    window = make_window()
    panel = window.data_panel
    panel.combo.setCurrentIndex(panel.combo.findData("mnist"))
    assert not panel.download.isHidden()                       # not downloaded yet
    assert window.dataset.source == "bundled"
    progress_seen = []
    panel.progress.valueChanged.connect(progress_seen.append)
    panel.download.click()
    qtbot.waitUntil(lambda: window.dataset.name.startswith("MNIST") and len(window.dataset) == 300,
                    timeout=20_000)
    assert progress_seen and max(progress_seen) == panel.progress.maximum()
    assert panel.progress.isHidden() and panel.download.isHidden()
    assert window.controller.state is State.IDLE
    assert len(window.controller.session.dataset) == 300      # nothing trained: applied at once


def test_digit_filter_applies_at_once_before_training(make_window):
    window = make_window()
    window.data_panel.digit_filter.set_digits((3,))
    labels = window.controller.session.dataset.labels
    assert set(np.unique(labels)) == {3}
    first_real = window.view.real_strip.mosaic[:28, :28]
    images = window.controller.session.dataset.images
    assert any(np.array_equal(first_real, image) for image in images)   # the strip shows 3s


def test_digit_filter_waits_for_reset_once_trained(make_window, qtbot):
    window = make_window()
    window.actions.step.trigger()
    qtbot.waitUntil(lambda: window.controller.session.iteration == 1, timeout=10_000)
    window.data_panel.digit_filter.set_digits((1, 7))
    assert window.status.pending.isVisible()
    assert set(np.unique(window.controller.session.dataset.labels)) == set(range(10))
    window.actions.reset.trigger()
    assert set(np.unique(window.controller.session.dataset.labels)) == {1, 7}
    assert not window.status.pending.isVisible()
