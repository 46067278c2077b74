"""Downloading a full dataset (MNIST, Fashion-MNIST) on request, with urllib only.

Each file goes to NAME.part, is checked against its SHA-256 and only then renamed to NAME,
so a file under its real name is always complete and verified. An interrupted transfer
leaves the .part behind; the next attempt resumes it with an HTTP Range request. Mirrors are
tried in order until one delivers a file with the right checksum.
"""

from __future__ import annotations

import http.client
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path

from ganstudio import __version__
from ganstudio.core.data.catalog import REMOTE_DATASETS, RemoteDataset, RemoteFile, dataset_dir
from ganstudio.core.data.tls import download_context
from ganstudio.core.errors import DataError
from ganstudio.core.files.atomic import publish
from ganstudio.core.files.digest import sha256_of

ProgressCallback = Callable[[int, int], None]  # (bytes done, bytes in total)
CHUNK = 64 * 1024


class DownloadCancelled(DataError):
    """The user cancelled; finished files and the .part of the current one are kept."""


class _TransferFailed(Exception):
    """One mirror failed for one file; the next mirror may still work."""


def _open(url: str, offset: int, timeout: float) -> http.client.HTTPResponse:
    headers = {"User-Agent": f"ganstudio/{__version__}"}
    if offset:
        headers["Range"] = f"bytes={offset}-"
    try:
        request = urllib.request.Request(url, headers=headers)
        # HTTPS is verified against the operating system's trust store (tls.py).
        context = download_context() if url.lower().startswith("https:") else None
        return urllib.request.urlopen(request, timeout=timeout, context=context)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise _TransferFailed(f"HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
        raise _TransferFailed(str(getattr(exc, "reason", exc))) from None


def _resume_offset(response: http.client.HTTPResponse, offset: int) -> int:
    """Where the body starts: `offset` if the server honoured the Range request, else 0."""
    if offset and response.status == 206:
        match = re.match(r"bytes (\d+)-", response.headers.get("Content-Range", ""))
        if match and int(match.group(1)) == offset:
            return offset
        raise _TransferFailed("the server answered the resume request with a wrong range")
    return 0


def _fetch(url: str, part: Path, expected: RemoteFile, on_bytes: Callable[[int], None],
           cancel: threading.Event | None, timeout: float) -> bool:
    """Fills `part` with the file from `url`, resuming what is there. Returns whether it resumed."""
    offset = part.stat().st_size if part.exists() else 0
    if offset >= expected.size:  # a complete (or oversized) leftover: let the checksum decide
        if offset == expected.size:
            return True
        part.unlink()
        offset = 0
    with _open(url, offset, timeout) as response:
        start = _resume_offset(response, offset)
        length = response.headers.get("Content-Length")
        if length is not None and length.isdigit() and start + int(length) != expected.size:
            raise _TransferFailed(f"the server offers {start + int(length):,} bytes, expected {expected.size:,}")
        done = start
        on_bytes(done)
        with open(part, "ab" if start else "wb") as out:
            while done < expected.size:
                if cancel is not None and cancel.is_set():
                    raise DownloadCancelled(f"download of {part.name[:-5]} cancelled; run it again to resume")
                try:
                    chunk = response.read(min(CHUNK, expected.size - done))
                except (OSError, http.client.HTTPException) as exc:
                    raise _TransferFailed(f"connection lost after {done:,} of {expected.size:,} bytes ({type(exc).__name__})") from None
                if not chunk:
                    raise _TransferFailed(f"connection closed after {done:,} of {expected.size:,} bytes")
                out.write(chunk)
                done += len(chunk)
                on_bytes(done)
    return start > 0


def _download_file(remote_file: RemoteFile, directory: Path, mirrors: Sequence[str],
                   on_bytes: Callable[[int], None], cancel: threading.Event | None, timeout: float) -> None:
    final = directory / remote_file.name
    part = directory / (remote_file.name + ".part")
    failures = []
    for mirror in mirrors:
        url = f"{mirror.rstrip('/')}/{remote_file.name}"
        for _attempt in range(2):  # a second, fresh attempt only when a resumed file was bad
            try:
                resumed = _fetch(url, part, remote_file, on_bytes, cancel, timeout)
            except _TransferFailed as exc:
                failures.append(f"{url}: {exc}")
                break
            if sha256_of(part) == remote_file.sha256:
                publish(part, final)  # flushed to the disk before it takes the real name
                return
            part.unlink()
            on_bytes(0)
            if not resumed:
                failures.append(f"{url}: wrong SHA-256 checksum")
                break
    raise DataError(f"could not download {remote_file.name}: " + "; ".join(failures))


def download(remote: RemoteDataset | str, directory: Path | None = None, *,
             progress: ProgressCallback | None = None, cancel: threading.Event | None = None,
             timeout: float = 30.0) -> Path:
    """Downloads and verifies every file of `remote` into `directory` (default: the user data
    folder); files already there with the right checksum are kept. Returns the folder."""
    if isinstance(remote, str):
        if remote not in REMOTE_DATASETS:
            raise DataError(f"unknown dataset {remote!r}; choose one of: {', '.join(REMOTE_DATASETS)}")
        remote = REMOTE_DATASETS[remote]
    directory = directory or dataset_dir(remote)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataError(f"{directory}: cannot create the download folder ({exc.strerror or exc})") from None
    total = sum(f.size for f in remote.files)
    finished = 0
    report = progress or (lambda done, total: None)
    for remote_file in remote.files:
        final = directory / remote_file.name
        if not (final.is_file() and sha256_of(final) == remote_file.sha256):
            try:
                _download_file(remote_file, directory, remote.mirrors,
                               lambda done, base=finished: report(base + done, total), cancel, timeout)
            except OSError as exc:  # disk full, permissions: the .part is the only thing touched
                raise DataError(f"{directory}: cannot write {remote_file.name} ({exc.strerror or exc})") from None
        finished += remote_file.size
        report(finished, total)
    return directory
