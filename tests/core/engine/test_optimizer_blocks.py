"""The optimizers update their flat buffer block by block (for cache locality), the blocks shared
among the engine's helper threads; the result must be exactly the whole-buffer update, including
at the block edges and in a short last block, whatever the number of threads."""

import numpy as np
import pytest

from ganstudio.core.engine import optimizers as optim
from ganstudio.core.engine import threads


@pytest.fixture(params=[1, 2, 3])
def small_blocks(monkeypatch, request):
    monkeypatch.setattr(optim, "BLOCK", 7)  # 50 elements: seven full blocks and one of one
    threads.configure(workers=request.param)   # 3: parts of 3 and 2 blocks
    monkeypatch.setattr(threads._gauge, "wanted", lambda kind: True)   # split whatever the load
    yield
    threads.configure()


def test_blocked_sgd_is_the_whole_buffer_update(small_blocks):
    rng = np.random.default_rng(0)
    w, mask = rng.standard_normal(50), (rng.random(50) > 0.3).astype(float)
    g = np.zeros(50)
    opt = optim.SGD(w, g, lr=0.1, momentum=0.5, weight_decay=0.01, decay_mask=mask)
    ref, v = w.copy(), np.zeros(50)
    for _ in range(3):
        g[...] = rng.standard_normal(50)
        v = v * 0.5 + (g * 0.1 + ref * (0.1 * 0.01) * mask)
        ref = ref - v
        opt.step()
        np.testing.assert_array_equal(w, ref)


def test_blocked_adam_is_the_whole_buffer_update(small_blocks):
    rng = np.random.default_rng(1)
    w, mask = rng.standard_normal(50), (rng.random(50) > 0.3).astype(float)
    g = np.zeros(50)
    opt = optim.Adam(w, g, lr=0.01, betas=(0.5, 0.999), weight_decay=0.001, decay_mask=mask)
    ref, m, v = w.copy(), np.zeros(50), np.zeros(50)
    for t in range(1, 4):
        g[...] = rng.standard_normal(50)
        decayed = ref * 0.001 * mask + g
        m = m * 0.5 + decayed * 0.5
        v = v * 0.999 + decayed * decayed * (1 - 0.999)
        root = np.sqrt(1 - 0.999 ** t)
        ref = ref - m / (np.sqrt(v) + 1e-8 * root) * (0.01 * root / (1 - 0.5 ** t))
        opt.step()
        np.testing.assert_array_equal(w, ref)
