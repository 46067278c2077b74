import numpy as np
import pytest

from ganstudio.core.engine.optimizers import SGD, Adam


def test_sgd_follows_the_toolbox_rule():
    """v = μv + lr·(g + λ·W·mask);  W -= v  — written out by hand for two steps."""
    w = np.array([1.0, -2.0, 0.5])
    g = np.array([0.1, 0.2, -0.3])
    mask = np.array([1.0, 1.0, 0.0])  # the last entry is a bias: no decay
    opt = SGD(w, g, lr=0.1, momentum=0.5, weight_decay=0.01, decay_mask=mask)
    expected_w, v = w.copy(), np.zeros(3)
    for _ in range(2):
        v = 0.5 * v + 0.1 * (g + 0.01 * expected_w * mask)
        expected_w = expected_w - v
        opt.step()
        np.testing.assert_allclose(w, expected_w)


@pytest.mark.parametrize("beta1", [0.9, 0.5, 0.0])   # 0.5 and 0.0 take shortcuts of their own
def test_adam_matches_the_paper(beta1):
    rng = np.random.default_rng(0)
    w = rng.standard_normal(5)
    g = np.zeros(5)
    opt = Adam(w, g, lr=0.01, betas=(beta1, 0.999), eps=1e-8)
    ref_w, m, v = w.copy(), np.zeros(5), np.zeros(5)
    for t in range(1, 4):
        g[...] = rng.standard_normal(5)
        m = beta1 * m + (1 - beta1) * g
        v = 0.999 * v + 0.001 * g * g
        m_hat, v_hat = m / (1 - beta1 ** t), v / (1 - 0.999 ** t)
        ref_w = ref_w - 0.01 * m_hat / (np.sqrt(v_hat) + 1e-8)
        opt.step()
        np.testing.assert_allclose(w, ref_w, rtol=1e-6)


def test_adam_minimises_a_quadratic():
    w = np.array([3.0, -4.0], dtype=np.float32)
    g = np.zeros_like(w)
    opt = Adam(w, g, lr=0.1)
    for _ in range(500):
        g[...] = 2 * w
        opt.step()
    assert np.abs(w).max() < 1e-2


def test_optimizers_reject_mismatched_views():
    with pytest.raises(ValueError):
        SGD(np.zeros(3), np.zeros(4), lr=0.1)
