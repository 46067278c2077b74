"""Is training numerically healthy, and the last states that were, to fall back on.

Diverged means the numbers ran away, not that the GAN fails to learn: a discriminator that
wins (the `seed` preset's normal ending, or one that learns several times faster than G) is a
lesson, not an error. The limits sit far above every healthy run (losses <= 27, weight RMS <= 0.5, D
never saturated: every preset to 3,000 iterations or its limit, also with a D too strong) and far
below every runaway one (docs/architecture.md "Divergence"):

- a loss of D or G that is not finite or above LOSS_LIMIT;
- D saturated: its mean output exactly 1 (or exactly 0) on the real images and on the fakes,
  every output past the float32 range where its sigmoid has a gradient, so nothing can change
  any more (what lr 1000 does to the `seed` preset in one iteration, without a large number);
- any network whose weights are not finite or whose root mean square is above WEIGHT_RMS_LIMIT.
"""

from __future__ import annotations

from collections import deque

import numpy as np

LOSS_LIMIT = 1e3
WEIGHT_RMS_LIMIT = 1e2


def first_failure(stats, networks: dict) -> dict | None:
    """The first criterion the iteration just run fails — {criterion, name, value, limit, what}
    with `what` an English clause for the command line — or None when it is healthy."""
    for key, owner in (("d_loss", "D"), ("g_loss", "G")):
        value = float(getattr(stats, key))
        if not abs(value) <= LOSS_LIMIT:   # also catches NaN
            return {"criterion": "loss", "name": key, "value": value, "limit": LOSS_LIMIT,
                    "what": f"{owner}'s loss reached {value:.3g}, the limit is {LOSS_LIMIT:.3g}"}
    if stats.d_real == stats.d_fake and stats.d_real in (0.0, 1.0):
        value = float(stats.d_real)
        return {"criterion": "saturated", "name": "discriminator", "value": value, "limit": value,
                "what": f"D said exactly {value:g} for every real and fake image, past where its "
                        f"sigmoid has a gradient"}
    for name, net in networks.items():
        flat = net.flat_params
        with np.errstate(over="ignore", invalid="ignore"):
            rms = float(np.sqrt(np.dot(flat, flat) / flat.size))   # one BLAS pass; NaN stays NaN
        if not rms <= WEIGHT_RMS_LIMIT:
            return {"criterion": "weights", "name": name, "value": rms, "limit": WEIGHT_RMS_LIMIT,
                    "what": f"the weights of {name} reached a root mean square of {rms:.3g}, "
                            f"the limit is {WEIGHT_RMS_LIMIT:.3g}"}
    return None


class GoodStates:
    """A few states that passed the health check, taken at least `spacing` seconds of training
    apart. A runaway can begin an iteration or two before a limit trips, so the state given back
    is the newest one at least `spacing` older than the failure (or the oldest kept)."""

    def __init__(self, keep: int = 3, spacing: float = 1.0) -> None:
        self._states: deque = deque(maxlen=keep)   # (training seconds, iteration, state)
        self.spacing = spacing

    def reset(self, seconds: float, iteration: int, state: dict) -> None:
        self._states.clear()
        self._states.append((seconds, iteration, state))

    def due(self, seconds: float) -> bool:
        return not self._states or seconds - self._states[-1][0] >= self.spacing

    def add(self, seconds: float, iteration: int, state: dict) -> None:
        self._states.append((seconds, iteration, state))

    def before(self, seconds: float) -> dict:
        """The state to go back to after a failure at `seconds` of training."""
        older = [entry for entry in self._states if seconds - entry[0] >= self.spacing]
        return (older[-1] if older else self._states[0])[2]
