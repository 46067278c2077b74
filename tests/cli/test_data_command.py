"""`ganstudio data info|download`, end to end: subprocesses for info, in-process against a
local HTTP server for download (the real mirrors are never contacted)."""

from __future__ import annotations

import dataclasses
import hashlib
import os

import numpy as np
import pytest

from ganstudio.cli import main as cli_main
from ganstudio.core.data import catalog
from ganstudio.core.data.catalog import RemoteFile

from support.commands import ganstudio
from support.data_samples import write_idx_pair


def ganstudio_with_data(*args, data_dir):
    return ganstudio(*args, env=dict(os.environ, GANSTUDIO_DATA_DIR=str(data_dir)))


def test_info_overview_lists_bundled_and_missing_downloads(tmp_path):
    result = ganstudio_with_data("data", "info", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("bundled") and "8,000 train + 2,000 held out" in lines[0]
    assert "not downloaded (ganstudio data download mnist)" in lines[1]
    assert "not downloaded (ganstudio data download fashion)" in lines[2]
    assert str(tmp_path) in lines[3]


def test_info_overview_counts_a_downloaded_copy(tmp_path):
    folder = tmp_path / "mnist"
    folder.mkdir()
    write_idx_pair(folder, "train", count=40)
    write_idx_pair(folder, "t10k", count=12)
    result = ganstudio_with_data("data", "info", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"MNIST: 40 train + 12 test   {folder}" in result.stdout


def test_info_on_one_dataset_shows_per_class_counts(tmp_path):
    result = ganstudio_with_data("data", "info", "bundled", "--split", "test", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "MNIST (bundled, held out, 2,000)" in result.stdout
    assert "per class: 0: 200  1: 225  2: 198" in result.stdout


def test_info_on_a_file(tmp_path):
    images_path, _, _, labels = write_idx_pair(tmp_path, count=30)
    result = ganstudio_with_data("data", "info", images_path, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"source:  {images_path}" in result.stdout and "3: 3" in result.stdout


@pytest.mark.parametrize("args, message", [
    (("data", "info", "mnist"), "not downloaded; run: ganstudio data download mnist"),
    (("data", "info", "no-such-file.npz"), "no such file or folder"),
    (("data",), "required"),
    (("data", "download", "cifar"), "invalid choice"),
])
def test_bad_requests_exit_2_with_one_line(tmp_path, args, message):
    result = ganstudio_with_data(*args, data_dir=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr


@pytest.fixture
def local_mnist(tmp_path, monkeypatch):
    """The catalog's MNIST pointed at a local folder served over HTTP on 127.0.0.1."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    served = tmp_path / "served"
    served.mkdir()
    write_idx_pair(served, "train", count=30)
    write_idx_pair(served, "t10k", count=10)
    files = tuple(RemoteFile(p.name, hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_size)
                  for p in sorted(served.iterdir()))
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *a: None
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}"
    remote = dataclasses.replace(catalog.MNIST, files=files, mirrors=(url + "/missing", url))
    monkeypatch.setitem(catalog.REMOTE_DATASETS, "mnist", remote)
    monkeypatch.setenv("GANSTUDIO_DATA_DIR", str(tmp_path / "data"))
    yield remote
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_download_shows_progress_and_verifies(local_mnist, tmp_path, capsys):
    assert cli_main.main(["data", "download", "mnist"]) == 0
    out, err = capsys.readouterr()
    assert "MNIST [" in err and "100%" in err
    assert "downloaded and verified" in out
    for remote_file in local_mnist.files:
        assert (tmp_path / "data" / "mnist" / remote_file.name).is_file()
    assert cli_main.main(["data", "info", "mnist"]) == 0
    assert "per class:" in capsys.readouterr().out


def test_download_failure_is_one_error_line(local_mnist, tmp_path, capsys, monkeypatch):
    broken = dataclasses.replace(local_mnist, mirrors=(local_mnist.mirrors[0],))
    monkeypatch.setitem(catalog.REMOTE_DATASETS, "mnist", broken)
    assert cli_main.main(["data", "download", "mnist"]) == 2
    err = capsys.readouterr().err
    assert "ganstudio: error: could not download" in err and "HTTP 404" in err
    assert not np.any([p.is_file() for p in (tmp_path / "data" / "mnist").iterdir()])
