"""The bundled judge: a small MNIST classifier that says which digit a generated image looks
like and how sure it is. It is an MLP in the project's own engine; its weights ship in
assets/judge.npz (float16) and are trained by benchmarks/train_judge.py on the bundled
training split.
"""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path

import numpy as np

from ganstudio.core.engine.layers import Dense, Dropout, ReLU
from ganstudio.core.engine.network import Network
from ganstudio.core.errors import DataError
from ganstudio.core.files.atomic import atomic_file
from ganstudio.core.files.bundled_assets import asset_path, once

JUDGE_FILE = "judge.npz"
JUDGE_FORMAT = 1
NUM_CLASSES = 10
IMAGE_SIZE = 784


def build_judge_network(hidden: tuple[int, ...], rng: np.random.Generator,
                        dropout: float = 0.0) -> Network:
    """784 -> [Dense, ReLU, (Dropout)]* -> Dense 10 (logits). The training script and the
    loader build the same network from this one function."""
    layers, width = [], IMAGE_SIZE
    for units in hidden:
        layers += [Dense(width, units, rng, "he"), ReLU()]
        if dropout:
            layers.append(Dropout(dropout, rng))
        width = units
    layers.append(Dense(width, NUM_CLASSES, rng, "he"))
    return Network(layers)


def images_to_judge_input(images: np.ndarray) -> np.ndarray:
    """uint8 (n, 28, 28) or (n, 784) -> float32 (n, 784) in [0, 1]."""
    images = np.asarray(images)
    return images.reshape(len(images), IMAGE_SIZE).astype(np.float32) * np.float32(1 / 255)


def softmax(logits: np.ndarray) -> np.ndarray:
    z = logits.astype(np.float64) - logits.max(axis=1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=1, keepdims=True)
    return z


class Judge:
    """predict_proba(images) -> (n, 10) float64; features(images) -> (n, d) float32 (the last
    hidden layer's activations, used for the Fréchet distance)."""

    def __init__(self, network: Network, accuracy: float | None = None) -> None:
        self.network = network
        self.accuracy = accuracy  # held-out accuracy recorded when the weights were saved
        # The engine's layers reuse work buffers, so one forward pass at a time.
        self._lock = threading.Lock()
        self._feature_layers = len(network.layers) - 1

    @property
    def feature_dim(self) -> int:
        return self.network.dense_layers[-1].n_in

    def predict_proba(self, images: np.ndarray, chunk: int = 1000) -> np.ndarray:
        return softmax(self._run(images, len(self.network.layers), chunk))

    def features(self, images: np.ndarray, chunk: int = 1000) -> np.ndarray:
        return self._run(images, self._feature_layers, chunk)

    def proba_from_features(self, features: np.ndarray) -> np.ndarray:
        """predict_proba for images whose features() are at hand: only the last layer runs."""
        if len(features) == 0:
            return np.empty((0, NUM_CLASSES))
        with self._lock:
            return softmax(self.network.layers[-1].forward(features, training=False).copy())

    def _run(self, images: np.ndarray, stop_layer: int, chunk: int) -> np.ndarray:
        x = images_to_judge_input(images)
        parts = []
        with self._lock:
            for start in range(0, len(x), chunk):
                y = x[start:start + chunk]
                for layer in self.network.layers[:stop_layer]:
                    y = layer.forward(y, training=False)
                parts.append(y.copy())  # layer outputs are reused buffers
        if not parts:
            width = self.feature_dim if stop_layer == self._feature_layers else NUM_CLASSES
            return np.empty((0, width), np.float32)
        return np.concatenate(parts)


def save_judge(path: str | Path, network: Network, hidden: tuple[int, ...], accuracy: float) -> None:
    """Weights as float16 (they fit well under 2 MB and lose no measurable accuracy)."""
    arrays = {f"param{i}": p.astype(np.float16) for i, p in enumerate(
        p for layer in network.layers for p in layer.params)}
    with atomic_file(path) as handle:
        np.savez_compressed(handle, format=np.int64(JUDGE_FORMAT), hidden=np.asarray(hidden, np.int64),
                            accuracy=np.float64(accuracy), **arrays)


def read_judge(path: str | Path) -> Judge:
    path = Path(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            if int(data["format"]) != JUDGE_FORMAT:
                raise DataError(f"{path}: judge weights of format {int(data['format'])}, expected {JUDGE_FORMAT}")
            hidden = tuple(int(h) for h in data["hidden"])
            network = build_judge_network(hidden, np.random.default_rng(0))
            targets = [p for layer in network.layers for p in layer.params]
            for i, target in enumerate(targets):
                stored = data[f"param{i}"]
                if stored.shape != target.shape:
                    raise DataError(f"{path}: judge weight {i} has shape {stored.shape}, expected {target.shape}")
                target[...] = stored
            accuracy = float(data["accuracy"])
    except DataError:
        raise
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
        raise DataError(f"{path}: not readable judge weights ({exc})") from None
    return Judge(network, accuracy)


@once
def load_judge() -> Judge:
    """The bundled judge, loaded once per process."""
    return read_judge(asset_path(JUDGE_FILE))
