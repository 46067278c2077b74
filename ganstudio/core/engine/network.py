"""A network: a list of layers whose parameters and gradients live in one flat buffer each.

The flat buffers let an optimizer update every weight with a few whole-array operations, and
make copying, checkpointing and comparing weights one line each.
"""

from __future__ import annotations

import numpy as np

from ganstudio.core.engine.layers import Dense, Layer


class Network:
    def __init__(self, layers: list[Layer]) -> None:
        self.layers = list(layers)
        owned = [p for layer in self.layers for p in layer.params]
        dtype = owned[0].dtype if owned else np.float32
        total = sum(p.size for p in owned)
        self.flat_params = np.empty(total, dtype=dtype)
        self.flat_grads = np.zeros(total, dtype=dtype)
        # 1 for weights, 0 for biases: L2 weight decay leaves biases alone.
        self.decay_mask = np.zeros(total, dtype=dtype)
        self._layer_ranges: list[tuple[int, int]] = []
        offset = 0
        for layer in self.layers:
            start = offset
            params, grads = [], []
            for p in layer.params:
                view = self.flat_params[offset:offset + p.size].reshape(p.shape)
                view[...] = p
                params.append(view)
                grads.append(self.flat_grads[offset:offset + p.size].reshape(p.shape))
                if p.ndim > 1:
                    self.decay_mask[offset:offset + p.size] = 1.0
                offset += p.size
            layer.bind(params, grads)
            self._layer_ranges.append((start, offset))

    def forward(self, x: np.ndarray, training: bool = True) -> np.ndarray:
        for layer in self.layers:
            x = layer.forward(x, training)
        return x

    def backward(self, dy: np.ndarray, param_grads: bool = True, input_grad: bool = True,
                 skip_last: bool = False):
        """Back-propagate dy. `param_grads=False` keeps this network frozen (only the input
        gradient flows through); `skip_last` starts below the last layer, for losses that
        work on the logits of a final sigmoid."""
        layers = self.layers[:-1] if skip_last else self.layers
        for i in range(len(layers) - 1, -1, -1):
            dy = layers[i].backward(dy, param_grads, input_grad or i > 0)
        return dy

    def param_range(self, first_layer: int = 0, stop_layer: int | None = None) -> slice:
        """The slice of the flat buffers that holds layers [first_layer, stop_layer)."""
        stop_layer = len(self.layers) if stop_layer is None else stop_layer
        return slice(self._layer_ranges[first_layer][0], self._layer_ranges[stop_layer - 1][1])

    @property
    def dense_layers(self) -> list[Dense]:
        return [layer for layer in self.layers if isinstance(layer, Dense)]

    @property
    def logits(self) -> np.ndarray:
        """The input of the final layer at the last forward pass (a sigmoid's logits)."""
        return self.layers[-1].logits

    def __repr__(self) -> str:
        return "Network(" + ", ".join(map(repr, self.layers)) + ")"
