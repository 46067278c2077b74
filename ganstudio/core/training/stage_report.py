"""What one stepped stage did, for a step-through view: the images it used, D's outputs before
and after a training stage, the loss it measured and the weights it copied.

Only the worker's single-stage step asks for a report (`run_reported_stage`), so the training
loop itself pays nothing. A report is small whatever the batch: a few images, and D's outputs
summed up as a histogram and means. Looking never changes training: the probes are inference
passes that draw no random numbers, through layers whose next training use starts with its own
forward pass (the algorithms' `probe_*` methods say why for each).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ganstudio.core.gan.model_parts import output_to_images
from ganstudio.core.training.stopping import StopReason, stop_reading

SAMPLE_IMAGES = 8      # images of each kind a report carries
HISTOGRAM_BINS = 20    # D's outputs over [0, 1]


@dataclass(frozen=True)
class OutputSummary:
    """D's outputs on some images, summed up: counts in HISTOGRAM_BINS equal bins over [0, 1]
    and the mean."""
    counts: np.ndarray   # int64 (HISTOGRAM_BINS,)
    mean: float

    @classmethod
    def of(cls, outputs: np.ndarray) -> OutputSummary:
        counts, _ = np.histogram(np.clip(outputs, 0.0, 1.0), bins=HISTOGRAM_BINS, range=(0.0, 1.0))
        return cls(counts.astype(np.int64), float(np.mean(outputs, dtype=np.float64)))


@dataclass(frozen=True)
class DOutputs:
    """D's outputs on the reals and on the fakes of a stage (either may be missing)."""
    real: OutputSummary | None
    fake: OutputSummary | None


@dataclass(frozen=True)
class StageReport:
    stage: str
    iteration: int                  # the iteration the stage belongs to, counted from 1
    fakes: np.ndarray | None = None   # uint8 (<= SAMPLE_IMAGES, 28, 28): G's images of this
                                      # iteration (after train_generator: for the same noise, redrawn)
    fakes_before: np.ndarray | None = None   # train_generator: those images before G's step
    reals: np.ndarray | None = None   # uint8: the real images this iteration sampled
    before: DOutputs | None = None    # D's outputs before a training stage
    after: DOutputs | None = None     # and after it
    loss: float | None = None         # the stage's loss (D's or G's), when it measured one
    copied: tuple[str, str] | None = None   # (from, to) names of the weights a copy stage moved
    copied_values: int = 0            # how many numbers it moved
    # check_stop: the stopping rule ("none", "original", "equilibrium"), what it read (the
    # numbers of stopping.stop_reading, None before it can read) and what it decided
    # (the StopReason it fired, or None: training goes on unless `last_iteration`).
    stop_rule: str | None = None
    stop_reading: dict | None = None
    stopped: StopReason | None = None
    last_iteration: bool = False      # check_stop: the iteration limit is reached


def run_reported_stage(session) -> StageReport:
    """Runs the session's next stage and reports it (raises Diverged as run_stage does)."""
    algorithm, config = session.algorithm, session.config
    name = session.stage_names[session.stage_index]
    report = {"stage": name, "iteration": session.iteration + 1}
    if name == "train_discriminator":
        report["before"] = _d_outputs(*algorithm.probe_discriminator())
    elif name == "train_generator":
        images, outputs = algorithm.probe_generator()
        report.update(before=_d_outputs(None, outputs), fakes_before=_images(images, config))
    session.run_stage()
    if name in algorithm.stage_copies:
        report["copied"], report["copied_values"] = algorithm.stage_copies[name]
    if name == "generate_fakes":
        report["fakes"] = _images(algorithm.probe_batch()[1], config)
    elif name == "sample_reals":
        report["reals"] = _images(algorithm.probe_batch()[0], config)
    elif name == "train_discriminator":
        report.update(after=_d_outputs(*algorithm.probe_discriminator()),
                      loss=_finite(algorithm.stats.d_loss))
    elif name == "train_generator":
        images, outputs = algorithm.probe_generator()
        report.update(after=_d_outputs(None, outputs), fakes=_images(images, config),
                      loss=_finite(algorithm.stats.g_loss))
    elif name == "check_stop":
        report.update(stop_rule=config.stop_rule, stop_reading=stop_reading(config, session.history),
                      stopped=session.finished_reason,
                      last_iteration=session.iteration >= config.iterations)
        if algorithm.stats.d_real_outputs is not None:
            # What the stopping rule looked at (the classic algorithm: D on all 2000 images).
            report["after"] = _d_outputs(algorithm.stats.d_real_outputs, algorithm.stats.d_fake_outputs)
    return StageReport(**report)


def _d_outputs(real: np.ndarray | None, fake: np.ndarray | None) -> DOutputs:
    return DOutputs(None if real is None else OutputSummary.of(real),
                    None if fake is None else OutputSummary.of(fake))


def _images(rows: np.ndarray | None, config) -> np.ndarray | None:
    return None if rows is None else output_to_images(rows[:SAMPLE_IMAGES], config)


def _finite(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None
