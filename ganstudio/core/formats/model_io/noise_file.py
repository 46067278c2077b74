"""Noise rows from a .npy file, checked before anything is allocated: `ganstudio sample
--noise` draws from them, so any exporter's output can be compared with GAN Studio's own."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ganstudio.core.config.settings import GANConfig
from ganstudio.core.errors import GanStudioError
from ganstudio.core.gan.model_parts import noise_width

MAX_ROWS = 100_000


class NoiseFileError(GanStudioError):
    """A noise file that cannot be drawn from (names the file and the problem)."""


def read_noise(path, config: GANConfig) -> np.ndarray:
    """Noise rows for `config`'s generator (n, noise_width) in its dtype, from a 2-D float
    .npy file of 1..MAX_ROWS rows; with clusters, the last column must lie in [0, 1)."""
    path, width, dtype = Path(path), noise_width(config), np.dtype(config.dtype)
    try:
        with open(path, "rb") as handle:
            try:
                version = np.lib.format.read_magic(handle)
                read_header = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                               else np.lib.format.read_array_header_2_0)
                shape, fortran, stored = read_header(handle)
            except (ValueError, EOFError):
                raise NoiseFileError(f"{path} is not a NumPy .npy file") from None
            if stored.kind != "f" or stored.hasobject:
                raise NoiseFileError(f"{path} holds {stored} values; noise must be float32 or float64")
            if len(shape) != 2 or shape[1] != width:
                raise NoiseFileError(f"{path} holds an array of shape {shape}; this generator takes "
                                     f"rows of {width} numbers, shape (n, {width})")
            if not 1 <= shape[0] <= MAX_ROWS:
                raise NoiseFileError(f"{path} holds {shape[0]:,} rows; 1 to {MAX_ROWS:,} are drawn at once")
            declared = shape[0] * shape[1] * stored.itemsize
            held = path.stat().st_size - handle.tell()
            if held != declared:
                raise NoiseFileError(f"{path} is damaged: its header declares {declared:,} bytes, it holds {held:,}")
            noise = np.fromfile(handle, dtype=stored, count=shape[0] * shape[1])
    except OSError as exc:
        raise NoiseFileError(f"could not read {path}: {exc.strerror or exc}") from None
    # Checked before the cast: float64's 1e300 would become float32's inf (and a RuntimeWarning).
    if not (np.isfinite(noise).all() and np.abs(noise).max() <= np.finfo(dtype).max):
        raise NoiseFileError(f"{path} holds NaN or infinite values (or values too large for {np.dtype(dtype)})")
    noise = noise.reshape(shape, order="F" if fortran else "C").astype(dtype)
    if config.clusters and not ((noise[:, -1] >= 0) & (noise[:, -1] < 1)).all():
        raise NoiseFileError(f"{path}: the last column picks the cluster and must lie in [0, 1)")
    return np.ascontiguousarray(noise)
