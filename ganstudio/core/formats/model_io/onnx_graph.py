"""ONNX graphs of the generator (noise in, images out) and the discriminator, written with the
`onnx` package alone (no PyTorch), from the one description in forward.py.

Generator, opset 17:
    input  noise   float[batch, noise_width]   noise rows as GAN Studio draws them; with the
                                              fast preset's clusters the last column (uniform
                                              in [0, 1)) picks the cluster
    output output  float[batch, 784]           G's last activation (the pixel range it trains in)
    output images  uint8[batch, 28, 28]        8-bit digits, as `ganstudio sample` draws them
Discriminator:
    input  image   float[batch, 784]           in G's output range
    input  cluster float[batch, clusters]      one-hot cluster code (fast preset only)
    output probability float[batch, 1]         D's belief that the image is real
"float" is the configuration's dtype (float32 for every preset).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ganstudio import __version__
from ganstudio.core.errors import ExportError
from ganstudio.core.files.atomic import write_together
from ganstudio.core.formats.model_io.forward import ModelDescription, Step, describe
from ganstudio.core.formats.model_io.optional import require
from ganstudio.core.gan.model_parts import IMAGE_SIDE, IMAGE_SIZE

OPSET = 17
IR_VERSION = 8   # the IR version of opset 17, so that older runtimes load the file
PRODUCER = "GAN Studio"


class _Graph:
    """Nodes and constants of one graph, with fresh names."""

    def __init__(self, onnx) -> None:
        self.onnx, self.helper = onnx, onnx.helper
        self.nodes, self.constants = [], []

    def const(self, name: str, value: np.ndarray) -> str:
        self.constants.append(self.onnx.numpy_helper.from_array(np.asarray(value), name))
        return name

    def op(self, op_type: str, inputs: list[str], output: str, **attributes) -> str:
        self.nodes.append(self.helper.make_node(op_type, inputs, [output], name=output, **attributes))
        return output


def _layers(graph: _Graph, steps: list[Step], x: str, prefix: str, dtype: np.dtype) -> str:
    """The nodes of a network's steps on tensor `x`; the name of the result."""
    for step in steps:
        name = f"{prefix}.layers.{step.index}"
        if step.kind == "dense":
            w = graph.const(f"{name}.weight", step.weight)   # (in, out): x @ W, as the engine
            b = graph.const(f"{name}.bias", step.bias)
            x = graph.op("Add", [graph.op("MatMul", [x, w], f"{name}.matmul"), b], name)
        elif step.kind == "sigmoid":
            x = graph.op("Sigmoid", [x], name)
        elif step.kind == "tanh":
            x = graph.op("Tanh", [x], name)
        elif step.kind == "relu":
            x = graph.op("Relu", [x], name)
        elif step.kind == "leaky_relu":
            x = graph.op("LeakyRelu", [x], name, alpha=float(step.value))
        elif step.kind == "maxout":   # (batch, units·pieces) -> (batch, units, pieces) -> max
            shape = graph.const(f"{name}.shape", np.array([0, -1, int(step.value)], np.int64))
            grouped = graph.op("Reshape", [x, shape], f"{name}.grouped")
            x = graph.op("ReduceMax", [grouped], name, axes=[2], keepdims=0)
        elif step.kind == "dropout":
            continue   # inverted dropout: nothing at test time
        elif step.kind == "toolbox_dropout":   # the toolbox keeps 1 - p of each activation
            x = graph.op("Mul", [x, graph.const(f"{name}.keep", np.array(1.0 - step.value, dtype))], name)
        else:
            raise ExportError(f"no ONNX export for a {step.kind} layer")
    return x


def _cluster_code(graph: _Graph, model: ModelDescription, noise: str, elem: int) -> str:
    """G's input: the noise columns, then the one-hot code of the cluster the last column
    picks — searchsorted(cumsum(w), u·sum(w), side="right") is the count of edges <= u·sum(w),
    computed in float64 as the engine does."""
    n = model.config.noise_dim
    k = len(model.clusters.weights)
    edges = model.clusters.edges
    axis = graph.const("axis1", np.array([1], np.int64))
    z = graph.op("Slice", [noise, graph.const("zero", np.array([0], np.int64)),
                           graph.const("noise_dim", np.array([n], np.int64)), axis], "latent")
    u = graph.op("Slice", [noise, "noise_dim", graph.const("noise_end", np.array([n + 1], np.int64)), axis],
                 "cluster_draw")
    scaled = graph.op("Mul", [graph.op("Cast", [u], "cluster_draw64", to=graph.onnx.TensorProto.DOUBLE),
                              graph.const("cluster_total", np.array(edges[-1], np.float64))], "cluster_point")
    below = graph.op("LessOrEqual", [graph.const("cluster_edges", edges), scaled], "edges_below")
    count = graph.op("Cast", [below], "edges_below_count", to=graph.onnx.TensorProto.INT64)
    ids = graph.op("ReduceSum", [count, axis], "cluster_id", keepdims=1)
    hot = graph.op("Equal", [ids, graph.const("cluster_ids", np.arange(k, dtype=np.int64))], "cluster_hot")
    code = graph.op("Cast", [hot], "cluster_code", to=elem)
    return graph.op("Concat", [z, code], "generator_input", axis=1)


def _pixels(graph: _Graph, model: ModelDescription, output: str) -> str:
    """uint8 images from G's output: ((x + 1) / 2 for tanh) · 255 + 0.5, clipped, truncated."""
    TP = graph.onnx.TensorProto
    x = graph.op("Cast", [output], "output32", to=TP.FLOAT)
    f32 = np.float32
    if model.tanh_output:
        x = graph.op("Mul", [graph.op("Add", [x, graph.const("one", f32(1))], "shifted"),
                             graph.const("half", f32(0.5))], "unit")
    x = graph.op("Add", [graph.op("Mul", [x, graph.const("full", f32(255))], "scaled"),
                         graph.const("round", f32(0.5))], "rounded")
    x = graph.op("Clip", [x, graph.const("black", f32(0)), "full"], "clipped")
    x = graph.op("Cast", [x], "bytes", to=TP.UINT8)
    shape = graph.const("image_shape", np.array([-1, IMAGE_SIDE, IMAGE_SIDE], np.int64))
    return graph.op("Reshape", [x, shape], "images")


def generator_model(model: ModelDescription):
    onnx = require("onnx", "the ONNX format")
    graph = _Graph(onnx)
    elem = onnx.helper.np_dtype_to_tensor_dtype(model.dtype)
    x = "noise"
    if model.clusters is not None:
        x = _cluster_code(graph, model, x, elem)
    output = _layers(graph, model.generator, x, "generator", model.dtype)
    graph.op("Identity", [output], "output")
    _pixels(graph, model, "output")
    inputs = [onnx.helper.make_tensor_value_info("noise", elem, ["batch", model.noise_width])]
    outputs = [onnx.helper.make_tensor_value_info("output", elem, ["batch", IMAGE_SIZE]),
               onnx.helper.make_tensor_value_info("images", onnx.TensorProto.UINT8,
                                                  ["batch", IMAGE_SIDE, IMAGE_SIDE])]
    return _model(onnx, graph, "generator", inputs, outputs, model)


def discriminator_model(model: ModelDescription):
    onnx = require("onnx", "the ONNX format")
    graph = _Graph(onnx)
    elem = onnx.helper.np_dtype_to_tensor_dtype(model.dtype)
    inputs = [onnx.helper.make_tensor_value_info("image", elem, ["batch", IMAGE_SIZE])]
    x = "image"
    if model.clusters is not None:
        k = len(model.clusters.weights)
        inputs.append(onnx.helper.make_tensor_value_info("cluster", elem, ["batch", k]))
        x = graph.op("Concat", ["image", "cluster"], "discriminator_input", axis=1)
    result = _layers(graph, model.discriminator, x, "discriminator", model.dtype)
    graph.op("Identity", [result], "probability")
    outputs = [onnx.helper.make_tensor_value_info("probability", elem, ["batch", 1])]
    return _model(onnx, graph, "discriminator", inputs, outputs, model)


def _model(onnx, graph: _Graph, name: str, inputs, outputs, model: ModelDescription):
    helper = onnx.helper
    proto = helper.make_graph(graph.nodes, f"ganstudio_{model.config.name}_{name}", inputs, outputs,
                              initializer=graph.constants)
    result = helper.make_model(proto, producer_name=PRODUCER, producer_version=__version__, ir_version=IR_VERSION,
                               opset_imports=[helper.make_opsetid("", OPSET)],
                               doc_string=__doc__.split("\n\n", 1)[1])
    helper.set_model_props(result, {"ganstudio.config": model.config.to_json(),
                                    "ganstudio.iteration": str(model.iteration)})
    onnx.checker.check_model(result, full_check=True)
    return result


def save_onnx(session, path, discriminator: bool = False) -> list[Path]:
    """G (and with `discriminator`, D beside it as <name>-discriminator.onnx) as ONNX files."""
    model = describe(session)
    path = Path(path)
    files = [(path, generator_model(model))]
    if discriminator:
        files.append((path.with_name(path.stem + "-discriminator.onnx"), discriminator_model(model)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Both or neither: G's file is not replaced before D's is known to be writable.
        write_together({target: proto.SerializeToString() for target, proto in files})
    except OSError as exc:
        raise ExportError(f"could not write {exc.filename or path}: {exc.strerror or exc}") from None
    return [target for target, _ in files]
