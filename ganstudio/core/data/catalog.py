"""The full datasets GAN Studio can download, and where downloaded copies live.

Checksums are SHA-256 of the published .gz files. They agree across independent public
download scripts: Connor Olding's `mnists` (2018, MIT) lists all eight; the `batchup` library
lists the Fashion-MNIST ones; the MNIST ones also appear in many scripts using the
storage.googleapis.com/cvdf-datasets mirror. File sizes are the ones the original pages
publish (yann.lecun.com/exdb/mnist, github.com/zalandoresearch/fashion-mnist).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ganstudio.core.errors import DataError

DATA_DIR_ENV = "GANSTUDIO_DATA_DIR"


@dataclass(frozen=True)
class RemoteFile:
    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class RemoteDataset:
    key: str  # "mnist": the folder name and the CLI word
    title: str  # "MNIST"
    files: tuple[RemoteFile, ...]
    mirrors: tuple[str, ...]  # base URLs, tried in order; each file is mirror + "/" + name


MNIST = RemoteDataset(
    key="mnist",
    title="MNIST",
    files=(
        RemoteFile("train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", 9912422),
        RemoteFile("train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", 28881),
        RemoteFile("t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", 1648877),
        RemoteFile("t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", 4542),
    ),
    mirrors=(
        "https://ossci-datasets.s3.amazonaws.com/mnist",  # PyTorch's mirror
        "https://storage.googleapis.com/cvdf-datasets/mnist",  # TensorFlow's mirror
        "http://yann.lecun.com/exdb/mnist",  # the original page, often unavailable
    ),
)

FASHION = RemoteDataset(
    key="fashion",
    title="Fashion-MNIST",
    files=(
        RemoteFile("train-images-idx3-ubyte.gz", "08dc20ab1689590a0bcd66e874647b6ee8464e2d501b5a3f1f78831db19a3fdc", 26421880),
        RemoteFile("train-labels-idx1-ubyte.gz", "b0197879cbda89f3dc7b894f9fd52b858e68ea4182b6947c9d8c2b67e5f18dcc", 29515),
        RemoteFile("t10k-images-idx3-ubyte.gz", "78dcbbfb5a27efaf1b6c1d616caca68560be8766c5bffcb2791df9273a534229", 4422102),
        RemoteFile("t10k-labels-idx1-ubyte.gz", "42bd18137a62d5998cdeae52bf3a0676ac6b706f5cf8439b47bb5b151ae3dccf", 5148),
    ),
    mirrors=(
        "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com",  # Zalando's own
        "https://storage.googleapis.com/tensorflow/tf-keras-datasets",  # Keras's mirror
    ),
)

REMOTE_DATASETS = {dataset.key: dataset for dataset in (MNIST, FASHION)}


def data_dir() -> Path:
    """Where downloads go: $GANSTUDIO_DATA_DIR, else the platform's user data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return _usable_folder(Path(override).expanduser())
    import platformdirs

    return Path(platformdirs.user_data_dir("ganstudio", appauthor=False))


def _usable_folder(path: Path) -> Path:
    """`path`, if the system can look it up (a 300-byte name cannot be): else one line."""
    try:
        path.exists()
    except OSError as exc:
        raise DataError(f"{DATA_DIR_ENV} cannot be used ({exc.strerror or exc}): {str(path)[:80]}…") from None
    return path


def dataset_dir(remote: RemoteDataset) -> Path:
    return data_dir() / remote.key


def missing_files(remote: RemoteDataset, directory: Path | None = None) -> list[str]:
    """Names of files not (yet) downloaded; [] means the copy is complete. Only verified
    files ever get their real name, so present means complete and checked."""
    directory = directory or dataset_dir(remote)
    return [f.name for f in remote.files if not (directory / f.name).is_file()]


def download_state(remote: RemoteDataset, directory: Path | None = None) -> str:
    """"complete", "incomplete" or "not downloaded"."""
    missing = len(missing_files(remote, directory))
    return "complete" if not missing else "not downloaded" if missing == len(remote.files) else "incomplete"
