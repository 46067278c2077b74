"""Checkpoints: one .npz holding one dict — weights, optimizer state, config, RNG state,
iteration, metric history and timeline — written atomically (temporary file, fsync, rename), so a failed
save never damages the previous checkpoint."""

from __future__ import annotations

import json
import zipfile
import zlib
from pathlib import Path

import numpy as np

from ganstudio import __version__
from ganstudio.core.config.limits import MAX_ITERATIONS, is_iteration
from ganstudio.core.config.settings import GANConfig, discriminator_shapes, generator_shapes, parameter_count
from ganstudio.core.data.npz import npy_member_bytes
from ganstudio.core.errors import CheckpointError, GanStudioError
from ganstudio.core.files.atomic import atomic_file
from ganstudio.core.files.json_text import parse_json
from ganstudio.core.training.metric_history import MAX_STATE_BYTES as MAX_HISTORY_BYTES
from ganstudio.core.training.metric_history import HistoryError, MetricHistory
from ganstudio.core.training.timeline import (
    FRAME_DIGITS,
    MAX_TIMELINE_BYTES,
    Timeline,
    TimelineError,
    first_spacing,
)

FORMAT = "ganstudio-checkpoint"
FORMAT_VERSION = 1


def save_checkpoint(session, path) -> Path:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(path) as f:
            write_checkpoint(session, f)
    except OSError as exc:
        raise CheckpointError(f"could not save checkpoint {path}: {exc.strerror or exc}") from None
    return path


def write_checkpoint(session, handle) -> None:
    """The checkpoint into an open binary file (save_checkpoint's, or a run's set of files)."""
    state = session.state_dict()
    history = {f"history.{k}": v for k, v in state.pop("history").items()}   # arrays, not JSON
    arrays = {k: v for k, v in state.items() if isinstance(v, np.ndarray)}
    meta = {k: v for k, v in state.items() if not isinstance(v, np.ndarray)}
    meta["ganstudio_version"] = __version__
    dataset = session.dataset
    if dataset is not None:
        meta["dataset"] = data_record(dataset)
    arrays.update(history)
    # The timeline too (at most ~5 MB, core/training/timeline.py): a resumed run's GIF tells the whole run.
    arrays.update({f"timeline.{k}": v for k, v in session.timeline.state().items()})
    arrays["format"] = np.array(FORMAT)
    arrays["format_version"] = np.array(FORMAT_VERSION)
    arrays["config"] = np.array(session.config.to_json())
    arrays["meta"] = np.array(json.dumps(meta, default=_json_default))
    np.savez(handle, **arrays)


def data_record(dataset) -> dict:
    """What a checkpoint remembers of its training data: to open it again (spec, digits) and
    to recognise it (count, fingerprint)."""
    record = {"name": getattr(dataset, "name", ""), "source": str(getattr(dataset, "source", "")),
              "count": int(len(dataset.images))}
    if getattr(dataset, "spec", None):
        record["spec"] = dataset.spec
        record["digits"] = list(dataset.digits) if dataset.digits is not None else None
    if hasattr(dataset, "fingerprint"):
        record["fingerprint"] = dataset.fingerprint()
    return record


def read_checkpoint(path) -> tuple[GANConfig, dict]:
    """The config and the state dict of a checkpoint file, or a CheckpointError naming it."""
    path = Path(path)
    if not path.is_file():
        raise CheckpointError(f"checkpoint {path} does not exist")
    contents = _read_arrays(path)
    if "format" not in contents or str(contents["format"]) != FORMAT:
        raise CheckpointError(f"{path} is not a GAN Studio checkpoint")
    version = _format_version(path, contents)
    if version > FORMAT_VERSION:
        raise CheckpointError(f"{path} was written by a newer GAN Studio (format {version})")
    try:
        config = GANConfig.from_json(str(contents.pop("config")))
        meta = parse_json(str(contents.pop("meta")))
    except (GanStudioError, ValueError, TypeError, KeyError) as exc:
        raise CheckpointError(f"{path} has a damaged configuration ({_short(exc)})") from None
    if not isinstance(meta, dict):
        raise CheckpointError(f"{path} has damaged training information (meta is not a record)")
    for key in ("format", "format_version"):
        contents.pop(key)
    state = {**contents, **meta}
    if "iteration" not in state or "rng_state" not in state:
        raise CheckpointError(f"{path} is missing the training state")
    if not is_iteration(state["iteration"]):   # a run resumed from it could not save its own
        raise CheckpointError(f"{path} has a damaged iteration count ({str(state['iteration'])[:20]}; "
                              f"at most {MAX_ITERATIONS:,})")
    for key, value in contents.items():   # the history may hold NaN (a metric undefined then)
        if not key.startswith("history.") and value.dtype.kind in "fc" and not np.isfinite(value).all():
            raise CheckpointError(f"{path} holds NaN or infinite values (in {key}); it cannot be used")
    state["history"] = _read_history(path, state)
    state["timeline"] = _read_timeline(path, state)
    return config, state


# Far above the largest checkpoint the configuration limits allow (two networks of 10 M
# parameters in float64, with Adam's moments and an averaged copy: about 600 MB).
MAX_CHECKPOINT_BYTES = 1 << 30


def _read_arrays(path: Path) -> dict:
    """Every array of the .npz, each checked from its header against what the file holds
    before NumPy allocates it."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            total = sum(info.file_size for info in infos)
            if total > MAX_CHECKPOINT_BYTES:
                raise CheckpointError(f"{path} declares {total:,} bytes of arrays, more than any "
                                      f"checkpoint holds ({MAX_CHECKPOINT_BYTES:,}); damaged?")
            for info in infos:
                _check_member(path, archive, info)
        with np.load(path, allow_pickle=False) as npz:
            return {key: npz[key] for key in npz.files}
    except CheckpointError:
        raise
    # zlib.error: damaged compressed data; NotImplementedError and RuntimeError: zipfile's
    # words for a compression method or an encryption it cannot read.
    except (OSError, ValueError, EOFError, zipfile.BadZipFile, zlib.error, NotImplementedError,
            RuntimeError, KeyError, MemoryError) as exc:
        raise CheckpointError(f"{path} is not a readable GAN Studio checkpoint ({_short(exc)})") from None


# The most a member may unpack to (its .npy header aside), for those whose size is bounded
# whatever the model: so a small file cannot ask for a large one. The networks are bounded by
# MAX_CHECKPOINT_BYTES in all, and then checked against the configuration.
_NPY_HEADER_BYTES = 4096
MAX_CONFIG_BYTES = 1 << 20   # a configuration is a few KB of JSON (4 bytes a character here)


def _member_limit(name: str) -> int | None:
    if name == "timeline.frames.npy":
        return MAX_TIMELINE_BYTES + _NPY_HEADER_BYTES
    if name.startswith("history."):
        return MAX_HISTORY_BYTES + _NPY_HEADER_BYTES
    if name == "config.npy":
        return MAX_CONFIG_BYTES
    return None


def _check_member(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """One member, from its zip entry and .npy header: readable, and as large as it says."""
    if info.flag_bits & 0x1:
        raise CheckpointError(f"{path} is encrypted ({info.filename}); GAN Studio never encrypts checkpoints")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise CheckpointError(f"{path} uses a compression GAN Studio does not write ({info.filename}, "
                              f"method {info.compress_type})")
    limit = _member_limit(info.filename)
    if limit is not None and info.file_size > limit:
        raise CheckpointError(f"{path} is damaged: {info.filename} unpacks to {info.file_size:,} bytes, "
                              f"more than it can hold ({limit:,})")
    declared, stored = npy_member_bytes(archive, info)
    if declared != stored:
        raise CheckpointError(f"{path} is damaged: {info.filename} declares {declared:,} "
                              f"bytes but holds {stored:,}")


def _format_version(path: Path, contents: dict) -> int:
    value = contents.get("format_version")
    if value is None:
        raise CheckpointError(f"{path} has no format version (damaged, or not written by GAN Studio)")
    if value.shape != () or value.dtype.kind not in "iu":
        raise CheckpointError(f"{path} has an unreadable format version ({_short_value(value)})")
    version = int(value)
    if version < 1:
        raise CheckpointError(f"{path} has an invalid format version ({version})")
    return version


def _short_value(value: np.ndarray) -> str:
    text = str(value.tolist()) if value.size <= 4 else f"an array of shape {value.shape}"
    return text[:40]


def load_checkpoint(path, dataset=None):
    """A session continued from `path` on `dataset` (None: for drawing only). Other data than
    it was trained on is allowed (the window's user chose it; G keeps its clusters): the
    epoch then starts afresh on it, since the saved place in the epoch indexes the old data."""
    config, state = read_checkpoint(path)
    if dataset is not None and not _same_data(state, dataset):
        state = {**state, "algo.data_order": np.zeros(0, np.int64), "algo.data_cursor": 0}
    return _session_from(Path(path), config, state, dataset)


def resume_session(path, spec: str | None = None, digits=None):
    """A session continued from `path` on the data it was trained on: the data its checkpoint
    records, unless `spec` / `digits` name it (other data is refused). A checkpoint without
    that record trains on `spec` (default: the bundled digits)."""
    from ganstudio.core.data import open_dataset

    config, state = read_checkpoint(path)
    record = state.get("dataset") if isinstance(state.get("dataset"), dict) else {}
    recorded_spec, recorded_digits = record.get("spec"), record.get("digits")
    if spec is None and digits is None and isinstance(recorded_spec, str):
        dataset = open_dataset(recorded_spec, recorded_digits)
    else:
        dataset = open_dataset(spec or "bundled", digits)
    if not _same_data(state, dataset):
        advice = ("resume it without --data and --digits to continue on its own data"
                  if isinstance(recorded_spec, str) else "name that data with --data and --digits")
        raise CheckpointError(f"{path} was trained on {_trained_on(record)}, not on {dataset.name}; {advice}")
    return _session_from(Path(path), config, state, dataset)


def expected_network_sizes(config: GANConfig) -> dict[str, int]:
    """The flat weight count of each network a session of `config` keeps (the algo.net.*
    arrays of its state), known without building it."""
    g = parameter_count(generator_shapes(config))
    d = parameter_count(discriminator_shapes(config))
    if config.algorithm == "classic":   # the drawing copy of G, D, and the stack of G and D's copy
        return {"first_network": g, "discriminator": d, "stack": g + d}
    sizes = {"generator": g, "discriminator": d}
    if config.g_ema:
        sizes["generator_ema"] = g
    return sizes


def _session_from(path: Path, config: GANConfig, state: dict, dataset):
    from ganstudio.core.training.session import TrainingSession

    # The file must hold the weights its configuration describes before anything that size
    # is built: a damaged config cannot make us allocate what the file does not contain.
    for name, size in expected_network_sizes(config).items():
        found = state.get(f"algo.net.{name}")
        if not isinstance(found, np.ndarray) or found.shape != (size,):
            held = "none" if not isinstance(found, np.ndarray) else f"{found.size:,}"
            raise CheckpointError(f"{path} does not match its own configuration: {name} needs "
                                  f"{size:,} weights, the file holds {held}")
    session = TrainingSession(config, dataset)
    try:
        _check_shapes(session.state_dict(), state)
        session.load_state_dict(state)
    except (KeyError, ValueError, TypeError) as exc:
        raise CheckpointError(f"{path} does not match its own configuration ({_short(exc)})") from None
    timeline = state["timeline"]
    grid = min(FRAME_DIGITS, config.sample_count)
    if timeline is not None and timeline.frame_digits not in (None, grid):   # its next frame could not join them
        raise CheckpointError(f"{path} has a damaged timeline (frames of {timeline.frame_digits} digits; "
                              f"this model's grid has {grid})")
    # An older checkpoint has no timeline: a fresh one starts at its iteration.
    session.use_timeline(timeline or Timeline(first_spacing(config)))
    return session


def _same_data(state: dict, dataset) -> bool:
    """Whether `dataset` is the data the checkpoint was trained on: by fingerprint where
    recorded, else by the number of images (the oldest checkpoints: their epoch order's)."""
    record = state.get("dataset") if isinstance(state.get("dataset"), dict) else {}
    count = len(dataset.images)
    if isinstance(record.get("fingerprint"), str) and hasattr(dataset, "fingerprint"):
        return record["fingerprint"] == dataset.fingerprint()
    if isinstance(record.get("count"), int):
        return record["count"] == count
    order = np.asarray(state.get("algo.data_order", np.zeros(0)))
    return order.size in (0, count)


def _trained_on(record: dict) -> str:
    text = record.get("name") or "other data"
    if isinstance(record.get("spec"), str):
        digits = record.get("digits")
        text += f" ({record['spec']}" + (f", digits {_digits(digits)})" if digits else ")")
    return text


def _digits(digits) -> str:
    return ",".join(map(str, digits)) if isinstance(digits, list) else str(digits)


def _read_history(path: Path, state: dict) -> dict:
    """The history's arrays (older checkpoints hold JSON lists instead), checked so a damaged
    one is refused here in one line."""
    arrays = {key[8:]: state.pop(key) for key in list(state) if key.startswith("history.")}
    try:
        return MetricHistory.from_state(arrays or state.get("history", {})).state()
    except HistoryError as exc:
        raise CheckpointError(f"{path} has a damaged metric history ({exc})") from None


def _read_timeline(path: Path, state: dict) -> Timeline | None:
    """The saved timeline, checked (None in checkpoints older than timelines)."""
    arrays = {key[9:]: state.pop(key) for key in list(state) if key.startswith("timeline.")}
    if not arrays:
        return None
    try:
        return Timeline.from_state(arrays)
    except TimelineError as exc:
        raise CheckpointError(f"{path} has a damaged timeline ({exc})") from None


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
