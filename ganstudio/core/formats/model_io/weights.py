"""The weights of G and D as a safetensors file, and back into a session.

Tensors are named as the generated PyTorch modules name their parameters, in PyTorch's layout,
so `model.py` (and any other torch code) loads the file with `load_state_dict` as it is:

    generator.layers.<i>.weight       (out, in)  — the engine keeps (in, out): transposed here
    generator.layers.<i>.bias         (out,)
    generator_ema.layers.<i>.*        the moving average G draws with (presets with g_ema)
    discriminator.layers.<i>.*
    clusters.weights, clusters.centres   the fast preset's clusters (float64 (k,), float32 (k, 784))

<i> is the layer's place in the engine's network (forward.Step.index). The metadata says
"format": "pt", as Hugging Face's loaders (transformers, diffusers) expect of a PyTorch state
dict, and keeps GAN Studio's own marker under its own keys: "ganstudio_format" (the name below)
and "ganstudio_format_version", with the configuration as JSON ("config") and the iteration.
Files written before 0.1.0's release kept the marker in "format" itself ("format":
"ganstudio-weights", "format_version"): they still import. Optimizer state is not exported:
training continues from the weights with fresh optimizer moments.

`read_weights` also takes a folder: the PyTorch export's model.safetensors (weights.safetensors
in folders exported before it took Hugging Face's name).
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from ganstudio import __version__
from ganstudio.core.config.limits import IMAGE_PIXELS, MAX_ITERATIONS, parse_count
from ganstudio.core.config.settings import GANConfig, discriminator_shapes, generator_shapes, parameter_count
from ganstudio.core.errors import ExportError, GanStudioError
from ganstudio.core.files.atomic import atomic_file
from ganstudio.core.files.json_text import parse_json
from ganstudio.core.formats.model_io.forward import ModelDescription, describe
from ganstudio.core.formats.model_io.optional import require

FORMAT = "ganstudio-weights"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 1 << 30   # far above the largest model the configuration limits allow
MAX_HEADER_BYTES = 1 << 20   # the tensors' names and places, and the configuration: a few KB


def tensors_of(model: ModelDescription) -> dict[str, np.ndarray]:
    """The named tensors of a description (PyTorch layout, contiguous copies)."""
    tensors = {}
    for network, steps in model.networks.items():
        for step in steps:
            if step.kind == "dense":
                tensors[f"{network}.layers.{step.index}.weight"] = np.ascontiguousarray(step.weight.T)
                tensors[f"{network}.layers.{step.index}.bias"] = step.bias.copy()
    if model.clusters is not None:
        tensors["clusters.weights"] = model.clusters.weights.astype(np.float64)
        tensors["clusters.centres"] = model.clusters.centres.astype(np.float32)
    return tensors


FOLDER_WEIGHTS = ("model.safetensors", "weights.safetensors")   # the PyTorch export's, new and old


def metadata_of(model: ModelDescription) -> dict[str, str]:
    return {"format": "pt", "ganstudio_format": FORMAT, "ganstudio_format_version": str(FORMAT_VERSION),
            "config": model.config.to_json(),
            "iteration": str(model.iteration), "ganstudio_version": __version__,
            "layout": "PyTorch: dense weights are (out, in), as nn.Linear keeps them"}


def save_weights(session, path) -> Path:
    """Writes the session's weights to `path` (atomically)."""
    st = require("safetensors.numpy", "the safetensors format")
    model = describe(session)
    data = st.save(tensors_of(model), metadata=metadata_of(model))
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(path) as handle:
            handle.write(data)
    except OSError as exc:
        raise ExportError(f"could not write {path}: {exc.strerror or exc}") from None
    return path


def read_weights(path) -> tuple[GANConfig, int, dict[str, np.ndarray]]:
    """The configuration, iteration and tensors of a safetensors file GAN Studio wrote, or an
    ExportError with one line naming the file and the problem. The header is read and checked
    first (against the file's length and the configuration it holds): the tensors are read
    only when they are as large as that configuration's networks need, and no larger."""
    st = require("safetensors.numpy", "reading safetensors files")
    path = Path(path)
    if path.is_dir():   # a PyTorch export's folder
        found = [path / name for name in FOLDER_WEIGHTS if (path / name).is_file()]
        if not found:
            raise ExportError(f"{path} is a folder without {' or '.join(FOLDER_WEIGHTS)}")
        path = found[0]
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise ExportError(f"{path} is {size:,} bytes, more than any GAN Studio model ({MAX_FILE_BYTES:,})")
            header, data_bytes = _read_header(path, handle, size)
            config, iteration = _described_model(path, header.get("__metadata__"))
            _check_tensor_bytes(path, config, header, data_bytes)
            handle.seek(0)
            data = handle.read()
    except OSError as exc:
        raise ExportError(f"could not read {path}: {exc.strerror or exc}") from None
    try:
        tensors = st.load(data)
    except Exception as exc:   # safetensors raises its own types for damaged files
        raise ExportError(f"{path} is not a readable safetensors file ({str(exc).splitlines()[0][:120]})") from None
    return config, iteration, tensors


def _read_header(path: Path, handle, size: int) -> tuple[dict, int]:
    """The header (8-byte little-endian length, then JSON) and the bytes of tensor data after it."""
    length = int.from_bytes(handle.read(8), "little") if size >= 8 else -1
    if length > MAX_HEADER_BYTES:
        raise ExportError(f"{path} is not a GAN Studio safetensors file (its header claims {length:,} bytes; "
                          f"GAN Studio's take a few KB)")
    if not 0 <= length <= size - 8:
        raise ExportError(f"{path} is not a readable safetensors file (its header claims {length:,} bytes; "
                          f"the file holds {max(size - 8, 0):,})")
    try:
        header = parse_json(handle.read(length))
    except ValueError as exc:
        raise ExportError(f"{path} is not a readable safetensors file (its header is not JSON: {exc})") from None
    if not isinstance(header, dict):
        raise ExportError(f"{path} is not a readable safetensors file (its header is not a JSON object)")
    return header, size - 8 - length


def _described_model(path: Path, metadata) -> tuple[GANConfig, int]:
    """The configuration and iteration the metadata records, checked."""
    metadata = metadata if isinstance(metadata, dict) else {}
    if metadata.get("ganstudio_format") == FORMAT:
        version_text = metadata.get("ganstudio_format_version", "")
    elif metadata.get("format") == FORMAT:   # the layout before "format": "pt"
        version_text = metadata.get("format_version", "")
    else:
        raise ExportError(f"{path} is a safetensors file, but not one GAN Studio exported (no {FORMAT} metadata)")
    version = parse_count(version_text, 1 << 16)
    if version is None or version > FORMAT_VERSION:
        raise ExportError(f"{path} was written by a newer GAN Studio (format {version_text!r})")
    try:
        config = GANConfig.from_json(metadata.get("config", ""))
    except GanStudioError as exc:
        raise ExportError(f"{path} has a damaged configuration ({exc})") from None
    iteration = parse_count(metadata.get("iteration", "0"), MAX_ITERATIONS)
    if iteration is None:
        raise ExportError(f"{path} has a damaged iteration count ({str(metadata.get('iteration'))[:20]!r}; "
                          f"at most {MAX_ITERATIONS:,})")
    return config, iteration


def expected_weight_counts(config: GANConfig) -> dict[str, int]:
    """The numbers a file of `config` holds, by the first part of the tensors' names."""
    generator = parameter_count(generator_shapes(config))
    counts = {"generator": generator, "discriminator": parameter_count(discriminator_shapes(config))}
    if config.g_ema and config.algorithm != "classic":
        counts["generator_ema"] = generator
    if config.clusters:
        counts["clusters"] = config.clusters * (1 + IMAGE_PIXELS)
    return counts


def _check_tensor_bytes(path: Path, config: GANConfig, header: dict, data_bytes: int) -> None:
    """The header's tensors lie in the data, and hold as many numbers as `config`'s networks
    need: a small file cannot make us build large networks, nor a large file make us read
    more than its configuration explains."""
    held: dict[str, int] = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        offsets = entry.get("data_offsets") if isinstance(entry, dict) else None
        shape = entry.get("shape") if isinstance(entry, dict) else None
        if not (isinstance(offsets, list) and len(offsets) == 2 and all(isinstance(o, int) for o in offsets)
                and 0 <= offsets[0] <= offsets[1] <= data_bytes and isinstance(shape, list)
                and all(isinstance(n, int) and n >= 0 for n in shape)):
            raise ExportError(f"{path} is not a readable safetensors file ({str(name)[:60]} is described wrongly)")
        network = str(name).split(".")[0]
        held[network] = held.get(network, 0) + int(np.prod(shape, dtype=object))
    needed = expected_weight_counts(config)
    for network, count in needed.items():
        if held.get(network, 0) != count:
            raise ExportError(f"{path} does not match its own configuration: {network} needs {count:,} "
                              f"numbers, the file holds {held.get(network, 0):,}")
    if data_bytes > sum(needed.values()) * 8:   # float64 at most
        raise ExportError(f"{path} holds {data_bytes:,} bytes of tensors, more than its configuration's "
                          f"{sum(needed.values()):,} numbers take")


def load_weights(path, dataset=None):
    """A TrainingSession with the file's configuration and weights (fresh optimizer state),
    at the file's iteration; on `dataset` if given, ready to train on."""
    from ganstudio.core.training.session import TrainingSession

    config, iteration, tensors = read_weights(path)
    session = TrainingSession(config, dataset)
    expected = tensors_of(describe(session))
    for name, value in expected.items():
        found = tensors.get(name)
        if found is None:
            raise ExportError(f"{path} lacks {name} (its configuration needs it)")
        if found.shape != value.shape or found.dtype != value.dtype:
            raise ExportError(f"{path}: {name} is {found.dtype}{list(found.shape)}, its configuration "
                              f"needs {value.dtype}{list(value.shape)}")
        if not np.isfinite(found).all():
            raise ExportError(f"{path}: {name} holds NaN or infinite values")
    extra = sorted(set(tensors) - set(expected))
    if extra:
        raise ExportError(f"{path} holds tensors its configuration has no place for: {', '.join(extra[:3])}")
    _put_weights(session, tensors)
    state = session.state_dict()
    state["iteration"] = iteration
    if config.clusters:
        state["algo.clusters.weights"] = tensors["clusters.weights"]
        state["algo.clusters.centres"] = tensors["clusters.centres"]
    try:
        session.load_state_dict(state)
    except ValueError as exc:
        raise ExportError(f"{path}: {exc}") from None
    return session


def _put_weights(session, tensors: dict[str, np.ndarray]) -> None:
    algorithm = session.algorithm
    if session.config.algorithm == "classic":
        # The drawing copy, and the stack: G's layers first, D's copy last.
        stack = algorithm.stack
        d_offset = len(stack.layers) - len(algorithm.discriminator.layers)
        targets = {"generator": [(algorithm.first_network, 0), (stack, 0)],
                   "discriminator": [(algorithm.discriminator, 0), (stack, d_offset)]}
    else:
        targets = {name: [(net, 0)] for name, net in algorithm.networks.items()}
    for name, places in targets.items():
        for network, offset in places:
            for index in range(offset, len(network.layers)):
                key = f"{name}.layers.{index - offset}"
                if f"{key}.weight" in tensors:   # a dense layer of that network
                    layer = network.layers[index]
                    layer.params[0][...] = tensors[f"{key}.weight"].T
                    layer.params[1][...] = tensors[f"{key}.bias"]
