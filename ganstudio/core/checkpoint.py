"""Checkpoints: one .npz holding one dict — weights, optimizer state, config, RNG state,
iteration and metric history — written atomically (temporary file, fsync, rename), so a failed
save never damages the previous checkpoint."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np

from ganstudio import __version__
from ganstudio.core.atomic import atomic_file
from ganstudio.core.config import GANConfig
from ganstudio.core.errors import CheckpointError, GanStudioError
from ganstudio.core.history import HistoryError, MetricHistory

FORMAT = "ganstudio-checkpoint"
FORMAT_VERSION = 1


def save_checkpoint(session, path) -> Path:
    path = Path(path)
    state = session.state_dict()
    history = {f"history.{k}": v for k, v in state.pop("history").items()}   # arrays, not JSON
    arrays = {k: v for k, v in state.items() if isinstance(v, np.ndarray)}
    meta = {k: v for k, v in state.items() if not isinstance(v, np.ndarray)}
    meta["ganstudio_version"] = __version__
    dataset = session.dataset
    if dataset is not None:
        meta["dataset"] = {"name": getattr(dataset, "name", ""), "source": str(getattr(dataset, "source", "")),
                           "count": int(len(dataset.images))}
    arrays.update(history)
    arrays["format"] = np.array(FORMAT)
    arrays["format_version"] = np.array(FORMAT_VERSION)
    arrays["config"] = np.array(session.config.to_json())
    arrays["meta"] = np.array(json.dumps(meta, default=_json_default))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(path) as f:
            np.savez(f, **arrays)
    except OSError as exc:
        raise CheckpointError(f"could not save checkpoint {path}: {exc.strerror or exc}") from None
    return path


def read_checkpoint(path) -> tuple[GANConfig, dict]:
    """The config and the state dict of a checkpoint file, or a CheckpointError naming it."""
    path = Path(path)
    if not path.is_file():
        raise CheckpointError(f"checkpoint {path} does not exist")
    try:
        with np.load(path, allow_pickle=False) as npz:
            contents = {key: npz[key] for key in npz.files}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile, KeyError) as exc:
        raise CheckpointError(f"{path} is not a readable GAN Studio checkpoint ({_short(exc)})") from None
    if "format" not in contents or str(contents["format"]) != FORMAT:
        raise CheckpointError(f"{path} is not a GAN Studio checkpoint")
    version = int(contents["format_version"])
    if version > FORMAT_VERSION:
        raise CheckpointError(f"{path} was written by a newer GAN Studio (format {version})")
    try:
        config = GANConfig.from_json(str(contents.pop("config")))
        meta = json.loads(str(contents.pop("meta")))
    except (GanStudioError, ValueError, TypeError) as exc:
        raise CheckpointError(f"{path} has a damaged configuration ({_short(exc)})") from None
    for key in ("format", "format_version"):
        contents.pop(key)
    state = {**contents, **meta}
    if "iteration" not in state or "rng_state" not in state:
        raise CheckpointError(f"{path} is missing the training state")
    state["history"] = _read_history(path, state)
    return config, state


def load_checkpoint(path, dataset=None):
    from ganstudio.core.training import TrainingSession

    config, state = read_checkpoint(path)
    session = TrainingSession(config, dataset)
    try:
        _check_shapes(session.state_dict(), state)
        session.load_state_dict(state)
    except (KeyError, ValueError, TypeError) as exc:
        raise CheckpointError(f"{path} does not match its own configuration ({_short(exc)})") from None
    return session


def _read_history(path: Path, state: dict) -> dict:
    """The history's arrays (older checkpoints hold JSON lists instead), checked so a damaged
    one is refused here in one line."""
    arrays = {key[8:]: state.pop(key) for key in list(state) if key.startswith("history.")}
    try:
        return MetricHistory.from_state(arrays or state.get("history", {})).state()
    except HistoryError as exc:
        raise CheckpointError(f"{path} has a damaged metric history ({exc})") from None


def _check_shapes(expected: dict, found: dict) -> None:
    for key, value in expected.items():
        if isinstance(value, np.ndarray) and key != "algo.data_order":
            if key not in found:
                raise KeyError(f"missing {key}")
            if np.shape(found[key]) != value.shape:
                raise ValueError(f"{key} has shape {np.shape(found[key])}, expected {value.shape}")


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:160]


def _json_default(value):
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"cannot store {type(value).__name__} in a checkpoint")
