"""Trained sessions of every preset for the export tests (a few iterations: weights that
moved away from their initialisation), built once per test process."""

from functools import cache

from ganstudio.core.config.presets import preset_names

PRESETS = preset_names()
ITERATIONS = {"seed": 2}   # the classic preset's iterations are long; the others take 10


@cache
def trained_session(name: str):
    from ganstudio.core.config.presets import get_preset
    from ganstudio.core.data import load_bundled
    from ganstudio.core.training.session import TrainingSession

    session = TrainingSession(get_preset(name), load_bundled())
    for _ in range(ITERATIONS.get(name, 10)):
        session.run_iteration()
    return session


def fresh_noise(session, n=64, seed=7):
    """Fresh noise rows as the session draws them."""
    import numpy as np

    from ganstudio.core.gan.model_parts import sample_noise

    return sample_noise(session.config, np.random.default_rng(seed), n)
