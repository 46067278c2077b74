"""Stopping rules, applied after every iteration to the metric history.

- "original": stop when the mean of D's *rounded* outputs on the iteration's images is within
  0.5 ± tolerance. This is the 2014 demo's rule, and it is flawed: a perfect discriminator
  (1 on every real, 0 on every fake) also rounds to a mean of exactly 0.5, so the rule fires
  when the generator has lost completely, not only at equilibrium. Off by default.
- "equilibrium": stop when mean D(real) and mean D(fake), each averaged over the last
  `equilibrium_window` iterations, are both within 0.5 ± tolerance: D can no longer tell.
"""

from __future__ import annotations

import math

from ganstudio.core.config import GANConfig


def stop_reason(config: GANConfig, history: dict) -> str | None:
    tol = config.stop_tolerance
    if config.stop_rule == "original" and history["rounded_mean"]:
        value = history["rounded_mean"][-1]
        if not math.isnan(value) and abs(value - 0.5) <= tol:
            return f"original rule: mean of rounded D outputs = {value:.3f}"
    if config.stop_rule == "equilibrium":
        window = config.equilibrium_window
        if len(history["d_real"]) >= window:
            real = sum(history["d_real"][-window:]) / window
            fake = sum(history["d_fake"][-window:]) / window
            if abs(real - 0.5) <= tol and abs(fake - 0.5) <= tol:
                return f"equilibrium: D(real) = {real:.3f}, D(fake) = {fake:.3f} over {window} iterations"
    return None
