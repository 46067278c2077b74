"""What a trained GAN computes between its inputs and its outputs, as plain data.

The exporters (ONNX, PyTorch code, safetensors) and the tests all read this one description
instead of each walking the engine's layers: a network is a list of `Step`s (dense, activation,
maxout, dropout), and a generator is preceded by the cluster pick of the `fast`
preset and followed by the scaling of its output to 8-bit pixels.

The engine stays the reference: `run_steps` does what `Network.forward(x, training=False)`
does, and the tests hold every exporter to the engine's own images.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ganstudio.core.config.settings import GANConfig
from ganstudio.core.engine.layers import Dense, Dropout, LeakyReLU, Maxout, ReLU, Sigmoid, Tanh
from ganstudio.core.gan.model_parts import IMAGE_SIDE, noise_width


@dataclass(frozen=True)
class Step:
    """One layer at test time. `index` is the layer's place in its network (the name its
    weights are stored under); `kind` is dense, sigmoid, tanh, relu, leaky_relu, maxout or
    scale; `value` is the slope (leaky_relu), the pieces (maxout) or the factor (scale)."""

    kind: str
    index: int
    value: float = 0.0
    weight: np.ndarray | None = field(default=None, repr=False)   # (in, out), the engine's layout
    bias: np.ndarray | None = field(default=None, repr=False)     # (out,)


@dataclass(frozen=True)
class ClusterPick:
    """The `fast` preset's cluster code: the noise's last column u in [0, 1) picks cluster
    searchsorted(cumsum(weights), u·sum(weights), side="right") (in float64), whose one-hot
    code follows the other noise columns into G (clusters.py, minibatch.py)."""

    weights: np.ndarray   # (k,) float64, each cluster's share of the training images
    centres: np.ndarray   # (k, 784) float32, for D's input of real images

    @property
    def edges(self) -> np.ndarray:
        return np.cumsum(self.weights)

    def ids(self, uniform: np.ndarray) -> np.ndarray:
        edges = self.edges
        return np.searchsorted(edges, np.asarray(uniform, np.float64) * edges[-1], side="right")


@dataclass(frozen=True)
class ModelDescription:
    config: GANConfig
    iteration: int
    generator: list[Step]            # the generator that draws (its moving average, if kept)
    discriminator: list[Step]
    clusters: ClusterPick | None
    # Every network training continues from, by name: generator, discriminator and, with
    # g_ema, generator_ema (the drawing one); each a list of Steps.
    networks: dict[str, list[Step]]

    @property
    def dtype(self) -> np.dtype:
        return np.dtype(self.config.dtype)

    @property
    def noise_width(self) -> int:
        """Columns of a noise row: noise_dim, and one more that picks the cluster."""
        return noise_width(self.config)

    @property
    def tanh_output(self) -> bool:
        """G draws in [-1, 1] (mapped to pixels by (x + 1) / 2) rather than in [0, 1]."""
        return self.config.g_output == "tanh"


def steps_of(network) -> list[Step]:
    """The test-time steps of an engine `Network` (a copy of its weights)."""
    steps = []
    for index, layer in enumerate(network.layers):
        if isinstance(layer, Dense):
            steps.append(Step("dense", index, weight=layer.params[0].copy(), bias=layer.params[1].copy()))
        elif isinstance(layer, Sigmoid):
            steps.append(Step("sigmoid", index))
        elif isinstance(layer, Tanh):
            steps.append(Step("tanh", index))
        elif isinstance(layer, ReLU):
            steps.append(Step("relu", index))
        elif isinstance(layer, LeakyReLU):
            steps.append(Step("leaky_relu", index, layer.alpha))
        elif isinstance(layer, Maxout):
            steps.append(Step("maxout", index, layer.pieces))
        elif isinstance(layer, Dropout):
            # Inverted dropout does nothing at test time; the toolbox's scales by 1 - p.
            steps.append(Step("dropout" if layer.inverted else "toolbox_dropout", index, layer.p))
        else:
            raise TypeError(f"no export for layer {layer!r}")
    return steps


def describe(session) -> ModelDescription:
    """The forward passes of a `TrainingSession`'s networks, with its current weights."""
    algorithm = session.algorithm
    config = session.config
    if config.algorithm == "classic":
        # The stack's first layers are the generator being trained; `first_network` is the
        # drawing copy of them (generate() copies before drawing, so export copies too).
        algorithm.stage_copy_generator()
        networks = {"generator": steps_of(algorithm.first_network),
                    "discriminator": steps_of(algorithm.discriminator)}
    else:
        networks = {name: steps_of(net) for name, net in algorithm.networks.items()}
    clusters = getattr(algorithm, "clusters", None)
    pick = None if clusters is None else ClusterPick(clusters.weights.copy(), clusters.centres.copy())
    drawing = networks.get("generator_ema", networks["generator"])
    return ModelDescription(config, session.iteration, drawing, networks["discriminator"], pick, networks)


def run_steps(steps: list[Step], x: np.ndarray) -> np.ndarray:
    """The steps on rows `x`, in NumPy (what the exported graphs compute)."""
    for step in steps:
        if step.kind == "dense":
            x = x @ step.weight + step.bias
        elif step.kind == "sigmoid":
            x = 0.5 * np.tanh(0.5 * x) + 0.5
        elif step.kind == "tanh":
            x = np.tanh(x)
        elif step.kind == "relu":
            x = np.maximum(x, 0)
        elif step.kind == "leaky_relu":
            x = np.maximum(x, x * x.dtype.type(step.value))
        elif step.kind == "maxout":
            x = x.reshape(len(x), -1, int(step.value)).max(axis=2)
        elif step.kind == "toolbox_dropout":
            x = x * x.dtype.type(1.0 - step.value)
    return x


def generator_input(model: ModelDescription, noise: np.ndarray) -> np.ndarray:
    """G's input for noise rows: with clusters, the last column becomes a one-hot code."""
    if model.clusters is None:
        return noise
    ids = model.clusters.ids(noise[:, -1])
    code = np.zeros((len(noise), len(model.clusters.weights)), noise.dtype)
    code[np.arange(len(noise)), ids] = 1
    return np.concatenate([noise[:, :-1], code], axis=1)


def output_to_pixels(output: np.ndarray, tanh_output: bool) -> np.ndarray:
    """G's output (N, 784) -> uint8 (N, 28, 28), as models.output_to_images does."""
    x = output.astype(np.float32)
    if tanh_output:
        x = (x + 1) * 0.5
    return np.clip(x * 255.0 + 0.5, 0, 255).astype(np.uint8).reshape(len(x), IMAGE_SIDE, IMAGE_SIDE)


def generate(model: ModelDescription, noise: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """G's float output (N, 784) and its uint8 images for noise rows (N, noise_width)."""
    output = run_steps(model.generator, generator_input(model, noise.astype(model.dtype)))
    return output, output_to_pixels(output, model.tanh_output)


