"""Every layer and loss against central finite differences, in float64."""

import numpy as np
import pytest

from ganstudio.core.engine.layers import Dense, Dropout, LeakyReLU, Maxout, ReLU, Sigmoid, Tanh
from ganstudio.core.engine.losses import (
    BinaryCrossEntropy,
    LeastSquares,
    SaturatingGeneratorLoss,
    SoftmaxCrossEntropy,
    SquaredError,
)
from ganstudio.core.engine.network import Network

EPS = 1e-6


def numeric_grad(f, x):
    grad = np.zeros_like(x)
    flat, gflat = x.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + EPS
        up = f()
        flat[i] = old - EPS
        down = f()
        flat[i] = old
        gflat[i] = (up - down) / (2 * EPS)
    return grad


def check_layer(layer, x, training=True, fixed_rng_seed=None):
    """Compare backward() with finite differences of sum(forward(x) * w) for random w."""
    rng = np.random.default_rng(1)
    w = rng.standard_normal(layer.forward(x, training).shape)

    def objective():
        if fixed_rng_seed is not None:  # dropout must draw the same mask each time
            layer.rng = np.random.default_rng(fixed_rng_seed)
        return float(np.sum(layer.forward(x, training) * w))

    objective()
    dx = layer.backward(w).copy()
    np.testing.assert_allclose(dx, numeric_grad(objective, x), rtol=1e-5, atol=1e-7)
    for p, g in zip(layer.params, layer.grads):
        objective()
        layer.backward(w)
        analytic = g.copy()
        np.testing.assert_allclose(analytic, numeric_grad(objective, p), rtol=1e-5, atol=1e-7)


@pytest.fixture
def x():
    return np.random.default_rng(0).standard_normal((5, 6))


def test_dense(x):
    check_layer(Dense(6, 4, np.random.default_rng(2), "glorot", np.float64), x)


@pytest.mark.parametrize("layer", [Sigmoid(), Tanh(), LeakyReLU(0.2)], ids=repr)
def test_smooth_activations(layer, x):
    check_layer(layer, x)


def test_relu_away_from_the_kink(x):
    x[np.abs(x) < 1e-3] = 0.5  # the derivative is undefined at 0
    check_layer(ReLU(), x)


@pytest.mark.parametrize("inverted", [True, False])
def test_dropout_while_training(x, inverted):
    check_layer(Dropout(0.5, np.random.default_rng(3), inverted), x, fixed_rng_seed=3)


def test_dropout_at_test_time_scales_like_the_toolbox(x):
    toolbox = Dropout(0.5, np.random.default_rng(0), inverted=False)
    np.testing.assert_allclose(toolbox.forward(x, training=False), 0.5 * x)
    modern = Dropout(0.5, np.random.default_rng(0), inverted=True)
    np.testing.assert_allclose(modern.forward(x, training=False), x)


def test_dropout_drops_about_p():
    mask_out = Dropout(0.3, np.random.default_rng(0)).forward(np.ones((200, 200)), training=True)
    assert abs((mask_out == 0).mean() - 0.3) < 0.01


def test_maxout(x):
    check_layer(Maxout(3), x)
    assert Maxout(3).forward(x).shape == (5, 2)


def test_a_network_of_everything_against_finite_differences():
    rng = np.random.default_rng(4)
    net = Network([Dense(6, 10, rng, "glorot", np.float64), Maxout(2), LeakyReLU(0.1),
                   Dense(5, 3, rng, "glorot", np.float64), Tanh(), Dense(3, 1, rng, "glorot", np.float64),
                   Sigmoid()])
    x = rng.standard_normal((7, 6))
    target = rng.integers(0, 2, (7, 1)).astype(np.float64)
    loss = BinaryCrossEntropy()

    def objective():
        net.forward(x)
        return loss.forward(net.logits, target)

    objective()
    net.backward(loss.backward(), skip_last=True)
    analytic = net.flat_grads.copy()
    np.testing.assert_allclose(analytic, numeric_grad(objective, net.flat_params), rtol=1e-5, atol=1e-8)


LOSS_CASES = [
    (SquaredError(), "probs"),
    (BinaryCrossEntropy(), "logits"),
    (LeastSquares(), "logits"),
    (SaturatingGeneratorLoss(), "logits"),
]


@pytest.mark.parametrize("loss,_kind", LOSS_CASES, ids=lambda v: type(v).__name__ if not isinstance(v, str) else v)
def test_losses(loss, _kind):
    rng = np.random.default_rng(5)
    pred = rng.uniform(0.05, 0.95, (8, 1)) if _kind == "probs" else rng.standard_normal((8, 1)) * 3
    target = rng.integers(0, 2, (8, 1)).astype(np.float64)

    def objective():
        return loss.forward(pred, target)

    objective()
    np.testing.assert_allclose(loss.backward(), numeric_grad(objective, pred), rtol=1e-5, atol=1e-8)


def test_softmax_cross_entropy():
    rng = np.random.default_rng(6)
    logits, labels = rng.standard_normal((6, 10)), rng.integers(0, 10, 6)
    loss = SoftmaxCrossEntropy()

    def objective():
        return loss.forward(logits, labels)

    objective()
    np.testing.assert_allclose(loss.backward(), numeric_grad(objective, logits), rtol=1e-5, atol=1e-8)


def test_bce_on_logits_stays_finite_when_the_sigmoid_saturates():
    loss = BinaryCrossEntropy()
    value = loss.forward(np.array([[200.0], [-200.0]]), np.array([[0.0], [1.0]]))
    assert np.isfinite(value) and value == pytest.approx(200.0)
    np.testing.assert_allclose(loss.backward(), [[0.5], [-0.5]])


def test_bce_is_the_sigmoid_cross_entropy():
    z, t = np.array([[0.3], [-1.2]]), np.array([[1.0], [0.0]])
    p = 1 / (1 + np.exp(-z))
    expected = -np.mean(t * np.log(p) + (1 - t) * np.log(1 - p))
    assert BinaryCrossEntropy().forward(z, t) == pytest.approx(expected)


def test_frozen_layer_computes_no_parameter_gradient():
    rng = np.random.default_rng(7)
    layer = Dense(3, 2, rng, "glorot", np.float64)
    layer.frozen = True
    layer.grads[0][...] = 123.0
    layer.forward(rng.standard_normal((4, 3)))
    dx = layer.backward(np.ones((4, 2)))
    assert (layer.grads[0] == 123.0).all() and dx.shape == (4, 3)
