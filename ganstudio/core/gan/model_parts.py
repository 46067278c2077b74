"""Networks, noise and pixel scaling built from a `GANConfig`."""

from __future__ import annotations

import numpy as np

from ganstudio.core.config.settings import GANConfig, discriminator_shapes, generator_shapes
from ganstudio.core.engine.layers import Dense, Dropout, LeakyReLU, Maxout, ReLU, Sigmoid, Tanh
from ganstudio.core.engine.network import Network

IMAGE_SIDE = 28
IMAGE_SIZE = IMAGE_SIDE * IMAGE_SIDE


def activation(name: str, config: GANConfig):
    if name == "sigmoid":
        return Sigmoid()
    if name == "tanh":
        return Tanh()
    if name == "relu":
        return ReLU()
    if name == "leaky_relu":
        return LeakyReLU(config.leaky_slope)
    raise ValueError(f"unknown activation {name!r}")


def generator_layers(config: GANConfig, rng: np.random.Generator) -> list:
    dtype = np.dtype(config.dtype)
    *hidden, last = generator_shapes(config)   # the noise and a one-hot cluster in, 784 out
    layers = []
    for n_in, n_out in hidden:
        layers += [Dense(n_in, n_out, rng, config.init, dtype), activation(config.g_activation, config)]
    layers += [Dense(*last, rng, config.init, dtype), activation(config.g_output, config)]
    return layers


def discriminator_layers(config: GANConfig, rng: np.random.Generator) -> list:
    """784 -> hidden... -> 1 with a final sigmoid. The classic preset uses the toolbox's
    non-inverted dropout; the modern presets use inverted dropout."""
    dtype = np.dtype(config.dtype)
    inverted = config.algorithm != "classic"
    init = config.d_init or config.init
    *hidden, last = discriminator_shapes(config)   # the image and a one-hot cluster in, 1 out
    layers = []
    if config.d_input_dropout:
        layers.append(Dropout(config.d_input_dropout, rng, inverted))
    for n_in, n_out in hidden:
        if config.d_activation == "maxout":
            layers += [Dense(n_in, n_out, rng, init, dtype), Maxout(config.d_maxout_pieces)]
        else:
            layers += [Dense(n_in, n_out, rng, init, dtype), activation(config.d_activation, config)]
        if config.d_dropout:
            layers.append(Dropout(config.d_dropout, rng, inverted))
    layers += [Dense(*last, rng, init, dtype), Sigmoid()]
    return layers


def build_generator(config: GANConfig, rng: np.random.Generator) -> Network:
    return Network(generator_layers(config, rng))


def build_discriminator(config: GANConfig, rng: np.random.Generator) -> Network:
    return Network(discriminator_layers(config, rng))


def set_output_bias_from_data(generator: Network, data: np.ndarray, config: GANConfig) -> None:
    """G's last bias at the inverse activation of the mean pixel, so the untrained generator
    already draws the average image (pylearn2's init_sigmoid_bias_from_marginals)."""
    mean = data.mean(axis=0, dtype=np.float64)
    if config.g_output == "sigmoid":
        mean = np.clip(mean, 1e-3, 1 - 1e-3)
        bias = np.log(mean / (1 - mean))
    else:
        bias = np.arctanh(np.clip(mean, -0.999, 0.999))
    generator.dense_layers[-1].params[1][...] = bias


def sample_noise(config: GANConfig, rng: np.random.Generator, n: int) -> np.ndarray:
    """(n, noise_dim) rows; with clusters, one uniform column more that picks the cluster."""
    noise = _sample_plain_noise(config, rng, n)
    if not config.clusters:
        return noise
    return np.concatenate([noise, rng.random((n, 1), dtype=noise.dtype)], axis=1)


def noise_width(config: GANConfig) -> int:
    """Columns of a noise row: noise_dim, and with clusters the one that picks the cluster."""
    return config.noise_dim + (1 if config.clusters else 0)


def _sample_plain_noise(config: GANConfig, rng: np.random.Generator, n: int) -> np.ndarray:
    dtype = np.dtype(config.dtype)
    shape = (n, config.noise_dim)
    if config.noise == "normal":
        return rng.standard_normal(shape, dtype=dtype)
    if config.noise == "uniform":
        return rng.random(shape, dtype=dtype) * 2 - 1
    if config.noise == "uniform_sqrt3":  # unit variance (Goodfellow et al. 2014)
        return (rng.random(shape, dtype=dtype) * 2 - 1) * np.sqrt(3.0).astype(dtype)
    # normal_minmax01: the original MATLAB pool, normal noise scaled per row to [0, 1]
    z = rng.standard_normal(shape, dtype=dtype)
    return min_max_rows(z)


def min_max_rows(x: np.ndarray) -> np.ndarray:
    lo = x.min(axis=1, keepdims=True)
    span = x.max(axis=1, keepdims=True) - lo
    span[span == 0] = 1
    return (x - lo) / span


def images_to_input(images: np.ndarray, config: GANConfig) -> np.ndarray:
    """uint8 (N, 28, 28) -> float (N, 784) in the range the generator's output has."""
    dtype = np.dtype(config.dtype)
    x = images.reshape(len(images), IMAGE_SIZE).astype(dtype)
    if config.pixel_range == "minmax01":
        return min_max_rows(x)
    x *= dtype.type(1.0 / 255.0)
    if config.pixel_range == "pm1":
        x *= 2
        x -= 1
    return x


def output_to_images(output: np.ndarray, config: GANConfig) -> np.ndarray:
    """Generator output (N, 784) -> fresh uint8 (N, 28, 28)."""
    x = output.astype(np.float32)
    if config.g_output == "tanh":
        x = (x + 1) * 0.5
    np.clip(x * 255.0 + 0.5, 0, 255, out=x)
    return x.astype(np.uint8).reshape(len(output), IMAGE_SIDE, IMAGE_SIDE)
