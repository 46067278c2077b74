"""Training computes exactly what it computed before the core was moved into layers (issue 19):
every preset's short run, recorded from the code before the move (tests/recorded/short_runs.json),
gives the same weights, losses and samples, bit for bit. A change that means to alter the numbers
records them again, and says why in its commit."""

import hashlib
import json

import numpy as np
import pytest

from ganstudio.core.config.presets import PRESETS
from ganstudio.core.training.session import TrainingSession

from support import TESTS
from support.small_runs import small_config

RECORDED = json.loads((TESTS / "recorded" / "short_runs.json").read_text())


def test_every_preset_was_recorded():
    assert sorted(RECORDED) == sorted(PRESETS)


@pytest.mark.parametrize("preset", sorted(RECORDED))
def test_a_short_run_gives_the_recorded_weights_losses_and_samples(preset, small_data):
    session = TrainingSession(small_config(preset, iterations=5), small_data)
    progress = list(session.run())
    weights = hashlib.sha256()
    for name in sorted(session.algorithm.networks):
        weights.update(name.encode())
        weights.update(np.ascontiguousarray(session.algorithm.networks[name].flat_params).tobytes())
    recorded = RECORDED[preset]
    assert [float(p.d_loss) for p in progress] == recorded["d_loss"]
    assert [float(p.g_loss) for p in progress] == recorded["g_loss"]
    assert weights.hexdigest() == recorded["weights_sha256"]
    assert hashlib.sha256(session.sample().tobytes()).hexdigest() == recorded["samples_sha256"]
