"""Why training ended, and the stopping rules, applied after every iteration to the metric history.

- "original": stop when the mean of D's *rounded* outputs on the iteration's images is within
  0.5 ± tolerance. This is the 2014 demo's rule, and it is flawed: a perfect discriminator
  (1 on every real, 0 on every fake) also rounds to a mean of exactly 0.5, so the rule fires
  when the generator has lost completely, not only at equilibrium. Off by default.
- "equilibrium": stop when mean D(real) and mean D(fake), each averaged over the last
  `equilibrium_window` iterations, are both within 0.5 ± tolerance: D can no longer tell.

A `StopReason` is a code and its numbers; front ends say it in their own words (the window in
the user's language), `describe()` says it in English for the command line and logs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ganstudio.core.config.settings import GANConfig

ITERATION_LIMIT = "iteration_limit"
ORIGINAL_RULE = "original_rule"
EQUILIBRIUM = "equilibrium"
STOPPED = "stopped"        # by a command (Stop, Ctrl-C, a time limit); never remembered
DIVERGED = "diverged"      # numbers ran away; the last good state was restored

CODES = (ITERATION_LIMIT, ORIGINAL_RULE, EQUILIBRIUM, STOPPED, DIVERGED)


@dataclass(frozen=True)
class StopReason:
    code: str
    values: dict = field(default_factory=dict, hash=False)

    def describe(self) -> str:
        v = self.values
        if self.code == ORIGINAL_RULE:
            return f"original rule: mean of rounded D outputs = {v['rounded_mean']:.3f}"
        if self.code == EQUILIBRIUM:
            return (f"equilibrium: D(real) = {v['d_real']:.3f}, D(fake) = {v['d_fake']:.3f} "
                    f"over {v['window']} iterations")
        if self.code == DIVERGED:
            return (f"training diverged at iteration {v['failed_at']} ({v['what']}); kept the "
                    f"model of iteration {v['restored']}")
        if self.code == ITERATION_LIMIT:
            return "iteration limit"
        return self.code

    def to_json(self) -> dict:
        return {"code": self.code, "values": dict(self.values)}

    @classmethod
    def from_saved(cls, saved) -> StopReason | None:
        """A reason as a checkpoint holds it: {code, values}, or an older checkpoint's English
        sentence (the one place those are understood)."""
        if saved is None or isinstance(saved, StopReason):
            return saved
        if isinstance(saved, dict):
            return cls(str(saved["code"]), dict(saved.get("values", {})))
        return _from_sentence(str(saved))


def _from_sentence(text: str) -> StopReason:
    """Checkpoints before codes stored "iterations", "original rule: mean of rounded D outputs
    = 0.500" or "equilibrium: D(real) = …, D(fake) = … over N iterations"."""
    numbers = [float(word.strip(",")) for word in text.replace("=", " ").split()
               if _is_number(word.strip(","))]
    if text.startswith("original rule") and numbers:
        return StopReason(ORIGINAL_RULE, {"rounded_mean": numbers[0]})
    if text.startswith("equilibrium") and len(numbers) >= 3:
        return StopReason(EQUILIBRIUM, {"d_real": numbers[0], "d_fake": numbers[1],
                                        "window": int(numbers[2])})
    return StopReason(ITERATION_LIMIT if text == "iterations" else text)


def _is_number(word: str) -> bool:
    try:
        float(word)
    except ValueError:
        return False
    return True


def stop_reading(config: GANConfig, history) -> dict | None:
    """The numbers the configured stopping rule reads from the history: the last rounded mean
    (original), D's means over the window (equilibrium); None when there is no rule or too few
    iterations for it. The step-through says what the rule read; stop_reason decides on it."""
    if config.stop_rule == "original" and history["rounded_mean"]:
        return {"rounded_mean": float(history["rounded_mean"][-1])}
    window = config.equilibrium_window
    if config.stop_rule == "equilibrium" and len(history["d_real"]) >= window:
        return {"d_real": float(sum(history["d_real"][-window:]) / window),
                "d_fake": float(sum(history["d_fake"][-window:]) / window), "window": window}
    return None


def stop_reason(config: GANConfig, history) -> StopReason | None:
    reading, tol = stop_reading(config, history), config.stop_tolerance
    if reading is None:
        return None
    if config.stop_rule == "original":
        value = reading["rounded_mean"]
        if not math.isnan(value) and abs(value - 0.5) <= tol:
            return StopReason(ORIGINAL_RULE, reading)
    elif abs(reading["d_real"] - 0.5) <= tol and abs(reading["d_fake"] - 0.5) <= tol:
        return StopReason(EQUILIBRIUM, reading)
    return None
