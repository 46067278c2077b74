"""The one training loop, shared by the command line, the window, the tests and the benchmarks.

A `TrainingSession` trains in plain steps — `run_stage()`, `run_iteration()` — and `run()` is
the loop over them: a generator that yields a `Progress` every `log_every` iterations and a last,
finished one. It takes no commands; a front end that steers training from another thread (pause,
step, stop, speed, learning rates, images) drives it through `ganstudio.core.training.worker`.

After every iteration the numbers are checked (`ganstudio.core.training.divergence`); when they run away the
session goes back to its last good state and says so in a `StopReason` "diverged".
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.settings import GANConfig, check_dataset_size
from ganstudio.core.errors import ConfigError, TrainingError
from ganstudio.core.gan.algorithm import GANAlgorithm
from ganstudio.core.gan.classic import ClassicGAN
from ganstudio.core.gan.minibatch import MinibatchGAN
from ganstudio.core.gan.model_parts import images_to_input, output_to_images, sample_noise
from ganstudio.core.training.divergence import GoodStates, first_failure
from ganstudio.core.training.metric_history import COLUMNS, MetricHistory
from ganstudio.core.training.stage_report import StageReport
from ganstudio.core.training.stopping import DIVERGED, ITERATION_LIMIT, StopReason, stop_reason
from ganstudio.core.training.timeline import FRAME_DIGITS, Timeline, first_spacing

HISTORY_KEYS = COLUMNS  # the metric history's columns (ganstudio/core/training/metric_history.py)


@dataclass(frozen=True)
class Progress:
    iteration: int
    d_real: float
    d_fake: float
    rounded_mean: float
    d_loss: float
    g_loss: float
    steps_per_sec: float
    stage: str | None = None  # the stage just run (the last one after a whole iteration)
    samples: np.ndarray | None = None  # uint8 (n, 28, 28), a copy the loop never writes
    d_real_outputs: np.ndarray | None = None
    d_fake_outputs: np.ndarray | None = None
    finished: bool = False
    stop_reason: StopReason | None = None
    paused: bool = False
    sample_seconds: float = 0.0  # what drawing `samples` took, so a viewer can ration them
    stage_report: StageReport | None = None  # what a single stepped stage did (core/training/stage_report.py)


class Diverged(TrainingError):
    """Raised by run_stage()/run_iteration() after the session went back to its last good
    state; `reason` says what ran away, when, and which iteration was kept."""

    def __init__(self, reason: StopReason) -> None:
        super().__init__(reason.describe() + "; try lower learning rates")
        self.reason = reason


class TrainingSession:
    RUN_SETTINGS = ("iterations", "stop_rule", "stop_tolerance", "equilibrium_window")

    def __init__(self, config: GANConfig, dataset=None, fixed_noise_seed: int | None = None) -> None:
        """`fixed_noise_seed`: the seed of the fixed batch the viewer watches (by default the
        config's; compare mode gives two runs one, core/training/paired_runs.py)."""
        self.config = config
        self.dataset = dataset
        data = None
        # The original keeps train_y as one-hot rows; the unconditional GAN never reads them.
        self.labels_onehot = None
        if dataset is not None:
            check_dataset_size(config, len(dataset.images))
            data = images_to_input(dataset.images, config)
            if getattr(dataset, "labels", None) is not None:
                self.labels_onehot = np.eye(10, dtype=np.uint8)[dataset.labels]
        self.rng = np.random.default_rng(config.seed)
        self.algorithm: GANAlgorithm
        if config.algorithm == "classic":
            self.algorithm = ClassicGAN(config, data, self.rng)
        else:   # a conditional GAN is told the labels (clusters_from="labels")
            self.algorithm = MinibatchGAN(config, data, self.rng,
                                          labels=getattr(dataset, "labels", None))
        # The digit the grid asks a conditional G for; None: every digit, a row of ten each.
        self.asked_digit: int | None = None
        # The fixed batch the viewer watches: its own stream, so it never shifts training.
        noise_seed = config.seed if fixed_noise_seed is None else fixed_noise_seed
        self.fixed_noise = sample_noise(config, np.random.default_rng([noise_seed, 2]), config.sample_count)
        self.iteration = 0
        self.stage_index = 0  # next stage to run within the current iteration
        self.last_stage: str | None = None
        self.history = MetricHistory()  # bounded: recent iterations exact, older ones binned
        self.finished_reason: StopReason | None = None
        self.trained_seconds = 0.0  # time spent in stages: how far apart good states are kept
        self._good_states = GoodStates()
        self._good_states.reset(0.0, 0, self.state_dict())
        self.use_timeline(Timeline(first_spacing(config)))   # the grid every few iterations, bounded (core/training/timeline.py)

    @property
    def stage_names(self) -> tuple[str, ...]:
        return self.algorithm.stage_names

    @property
    def is_finished(self) -> bool:
        """True when the iteration limit or a stopping rule says training is over."""
        return self.finished_reason is not None or self.iteration >= self.config.iterations

    # ------------------------------------------------------------------ settings
    def set_learning_rate(self, which: str, value: float) -> None:
        check_learning_rate(which, value)
        self.algorithm.optimizers[which].lr = float(value)
        # The state before a new rate is known good (its last iteration passed the check): if
        # the rate makes training run away, this is the newest state worth going back to.
        self._good_states.reset(self.trained_seconds, self.iteration, self.state_dict())

    def run_settings_config(self, changes: dict) -> GANConfig:
        """The config with `changes` to when training ends, or a ConfigError for other keys."""
        unknown = set(changes) - set(self.RUN_SETTINGS)
        if unknown:
            raise ConfigError(f"only {', '.join(self.RUN_SETTINGS)} can change without a reset, "
                              f"not {', '.join(sorted(unknown))}")
        return with_overrides(self.config, changes)

    def set_run_settings(self, **changes) -> None:
        """Change when training ends (iterations, stopping rule); a run that ended by a rule may
        go on if the new settings no longer stop it."""
        self.config = self.run_settings_config(changes)
        self.finished_reason = stop_reason(self.config, self.history)

    # ------------------------------------------------------------------ training
    def run_stage(self) -> str:
        """Runs the next stage of the current iteration and returns its name; raises Diverged
        (after going back to the last good state) when the iteration it ends ran away."""
        name = self.stage_names[self.stage_index]
        began = time.perf_counter()
        # Overflow shows up as huge, infinite or NaN values, which the health check reports.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            self.algorithm.run_stage(name)
        self.trained_seconds += time.perf_counter() - began
        self.last_stage = name
        self.stage_index += 1
        if self.stage_index == len(self.stage_names):
            self.stage_index = 0
            self._after_iteration()
        return name

    def run_iteration(self) -> None:
        """Finishes the current iteration (all of it, or the stages a step left)."""
        self.run_stage()
        while self.stage_index:
            self.run_stage()

    def run(self, log_every: int = 1, samples_every: int = 0):
        """Train to the end, yielding a Progress every `log_every` iterations and a last,
        finished one: at the iteration limit, when a stopping rule fires, or after a divergence
        (the session then holds its last good state). `samples_every` > 0 attaches images of
        the fixed noise batch every that many iterations."""
        clock = RateClock(self.iteration)
        while True:
            record = self.step(clock, log_every, samples_every)
            if record is not None:
                yield record
                if record.finished:
                    return

    def step(self, clock: RateClock, log_every: int = 1, samples_every: int = 0) -> Progress | None:
        """One turn of the loop: an iteration (none once training is over) and its record, or
        None when `log_every` skips it. The worker steers training one step at a time."""
        if self.algorithm.data is None:
            raise ConfigError("this session has no dataset to train on")
        if not self.is_finished:
            try:
                self.run_iteration()
            except Diverged as diverged:
                return self.progress(clock.rate(self.iteration), finished=True,
                                     reason=diverged.reason, with_samples=True)
            if not self.is_finished:
                if self.iteration % log_every:
                    return None
                with_samples = bool(samples_every) and self.iteration % samples_every == 0
                return self.progress(clock.rate(self.iteration), with_samples=with_samples)
        # Only a stopping rule is remembered; the iteration limit can be raised later.
        return self.progress(clock.rate(self.iteration), finished=True, with_samples=True,
                             reason=self.finished_reason or StopReason(ITERATION_LIMIT))

    def _after_iteration(self) -> None:
        self.iteration += 1
        stats = self.algorithm.stats
        failure = first_failure(stats, self.algorithm.networks)
        if failure is not None:
            self._go_back(failure)
        self.history.append((self.iteration, stats.d_real, stats.d_fake, stats.rounded_mean,
                             stats.d_loss, stats.g_loss))   # in HISTORY_KEYS order
        self.algorithm.apply_schedules(self.iteration)
        self.finished_reason = stop_reason(self.config, self.history)
        if self._good_states.due(self.trained_seconds):
            self._good_states.add(self.trained_seconds, self.iteration, self.state_dict())
        if self.timeline.due(self.iteration):
            self.timeline.add(self.iteration, self.grid_sample())

    def _go_back(self, failure: dict) -> None:
        """Restores the last good state (its history ends at its own iteration) but keeps the
        learning rates as they are set, and raises Diverged."""
        failed_at = self.iteration
        learning_rates = {which: opt.lr for which, opt in self.algorithm.optimizers.items()}
        self.load_state_dict(self._good_states.before(self.trained_seconds))
        self.timeline.cut_after(self.iteration)
        for which, value in learning_rates.items():
            self.algorithm.optimizers[which].lr = value
        self._show_last_logged_numbers()
        raise Diverged(StopReason(DIVERGED, {**failure, "failed_at": failed_at,
                                             "restored": self.iteration}))

    def _show_last_logged_numbers(self) -> None:
        """The statistics of the restored iteration, so the record that reports it is not the
        runaway one's."""
        stats = self.algorithm.stats
        for key in HISTORY_KEYS[1:]:
            setattr(stats, key, self.history[key][-1] if self.history[key] else float("nan"))
        stats.d_real_outputs = stats.d_fake_outputs = None

    def progress(self, rate: float, finished=False, reason=None, with_samples=False,
                 paused=False, stage: str | None = None,
                 stage_report: StageReport | None = None) -> Progress:
        """A record of where training is now; with_samples draws the fixed batch and hands over
        D's latest outputs (the loop will not touch them again)."""
        s = self.algorithm.stats
        real_out = fake_out = None
        if with_samples and s.d_real_outputs is not None:
            real_out, fake_out = s.d_real_outputs, s.d_fake_outputs
            s.d_real_outputs = s.d_fake_outputs = None
        began = time.perf_counter()
        samples = self.sample() if with_samples else None
        sample_seconds = time.perf_counter() - began if with_samples else 0.0
        return Progress(
            iteration=self.iteration, d_real=s.d_real, d_fake=s.d_fake,
            rounded_mean=s.rounded_mean, d_loss=s.d_loss, g_loss=s.g_loss,
            steps_per_sec=rate, stage=stage or self.last_stage,
            samples=samples, d_real_outputs=real_out, d_fake_outputs=fake_out,
            finished=finished, stop_reason=reason, paused=paused,
            sample_seconds=sample_seconds, stage_report=stage_report)

    # ------------------------------------------------------------------ images
    def use_timeline(self, timeline: Timeline) -> None:
        """Keeps `timeline` (a fresh one, or a checkpoint's) from now on, with a frame of now
        if one is due (between iterations only: a frame shows whole iterations)."""
        self.timeline = timeline
        if self.stage_index == 0 and timeline.due(self.iteration):
            timeline.add(self.iteration, self.grid_sample())

    def grid_sample(self) -> np.ndarray:
        """uint8 (≤100, 28, 28): the window's grid, the first rows of the fixed noise batch."""
        noise = self.fixed_noise[:FRAME_DIGITS]
        return self.draw(noise, self._grid_digits(len(noise)))

    def sample(self, n: int | None = None, seed: int | None = None,
               digit: int | None = None) -> np.ndarray:
        """uint8 (n, 28, 28): the fixed noise batch by default (for a conditional G, the digit
        the grid asks for), or n fresh rows from `seed`; `digit`: that digit only."""
        if n is None and seed is None:
            noise = self.fixed_noise
            digits = self._grid_digits(len(noise)) if digit is None else None
        else:
            rng = np.random.default_rng([self.config.seed, 3] if seed is None else seed)
            noise = sample_noise(self.config, rng, self.config.sample_count if n is None else n)
            digits = None
        if digit is not None:
            self.check_digit(digit)
            digits = np.full(len(noise), digit, np.int64)
        return self.draw(noise, digits)

    def draw(self, noise: np.ndarray, digits: np.ndarray | None = None) -> np.ndarray:
        """uint8 (n, 28, 28) for given noise rows (as sample_noise draws them); `digits`, one
        per row, overrides the digit each row's noise picks (a conditional G only)."""
        out = []
        for start in range(0, len(noise), 1000):  # bounded memory for large n
            rows = slice(start, start + 1000)
            if digits is None:
                output = self.algorithm.generate(noise[rows])
            else:   # only a conditional G (the minibatch algorithm) is asked for digits
                output = self.algorithm.generate(noise[rows], digits[rows])
            out.append(output_to_images(output, self.config))
        return np.concatenate(out) if out else np.zeros((0, 28, 28), np.uint8)

    # ------------------------------------------------------------------ a conditional G
    @property
    def is_conditional(self) -> bool:
        return self.config.clusters_from == "labels"

    def trained_digits(self) -> list[int]:
        """The digits a conditional G was trained on (its data's labels)."""
        return [int(d) for d in np.flatnonzero(self.algorithm.clusters.weights > 0)]

    def check_digit(self, digit) -> None:
        """A ConfigError with one line unless a conditional G can be asked for `digit`."""
        if not self.is_conditional:
            raise ConfigError(f"this model (preset {self.config.name!r}) is not conditional: only "
                              f"one trained with the digits' labels (--preset conditional) can be "
                              f"asked for a digit")
        if isinstance(digit, bool) or not isinstance(digit, (int, np.integer)) or not 0 <= digit <= 9:
            raise ConfigError(f"a digit is 0 to 9, not {digit!r}")
        if int(digit) not in self.trained_digits():
            raise ConfigError(f"this model never saw a {digit}: it was trained on the digits "
                              f"{', '.join(map(str, self.trained_digits()))} only")

    def ask_digit(self, digit: int | None) -> None:
        """The digit the grid shows from now on (None: every digit, a row of ten each)."""
        if digit is not None:
            self.check_digit(digit)
        self.asked_digit = digit

    def _grid_digits(self, n: int) -> np.ndarray | None:
        """The digit of each of the fixed batch's rows for a conditional G: the asked one, or
        the trained digits in turn, ten rows each (a row of the grid per digit)."""
        if not self.is_conditional:
            return None
        if self.asked_digit is not None:
            return np.full(n, self.asked_digit, np.int64)
        digits = np.asarray(self.trained_digits(), np.int64)
        return digits[(np.arange(n) // 10) % len(digits)]

    # ------------------------------------------------------------------ state
    def state_dict(self) -> dict:
        state = {f"algo.{k}": v for k, v in self.algorithm.state_dict().items()}
        state["iteration"] = self.iteration
        state["stage_index"] = self.stage_index
        state["rng_state"] = self.rng.bit_generator.state
        state["history"] = self.history.state()
        state["finished_reason"] = self.finished_reason.to_json() if self.finished_reason else None
        if self.stage_index:   # saved between stages: the iteration so far, to finish it exactly
            state.update({f"scratch.{k}": v for k, v in self.algorithm.scratch_state().items()})
        return state

    def load_state_dict(self, state: dict) -> None:
        """Loads a state (a checkpoint's, or a good state after a divergence); it becomes the
        state to go back to."""
        self.algorithm.load_state_dict({k[5:]: v for k, v in state.items() if k.startswith("algo.")})
        self.iteration = int(state["iteration"])
        self.stage_index = int(state.get("stage_index", 0))
        self.rng.bit_generator.state = state["rng_state"]
        self.history = MetricHistory.from_state(state["history"])
        self.finished_reason = StopReason.from_saved(state.get("finished_reason"))
        scratch = {k[8:]: v for k, v in state.items() if k.startswith("scratch.")}
        if self.stage_index and scratch:
            self.algorithm.load_scratch_state(scratch)
        elif self.stage_index:   # an older checkpoint saved between stages: start the iteration
            self.stage_index = 0   # again (the weights keep what its first stages did)
        self._good_states.reset(self.trained_seconds, self.iteration, self.state_dict())


def check_learning_rate(which: str, value: float) -> None:
    if which not in ("d", "g") or not value > 0:
        raise ConfigError("a learning rate is set for 'd' or 'g' and must be positive")


class RateClock:
    """Iterations per second since the clock started."""

    def __init__(self, iteration: int) -> None:
        self._start_iter, self._since = iteration, time.perf_counter()

    def rate(self, iteration: int) -> float:
        elapsed = time.perf_counter() - self._since
        return (iteration - self._start_iter) / elapsed if elapsed > 0 else 0.0
