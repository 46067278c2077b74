"""The one training loop, shared by the command line, the window, the tests and the benchmarks.

`TrainingSession.run()` is a generator: it trains and yields a `Progress` every `log_every`
iterations. Between iterations (or stages, when stepping) it obeys commands that any thread may
send — pause, resume, step one iteration or one stage, stop, change a learning rate, ask for
images — so a GUI worker thread can iterate it while the GUI thread steers it.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ganstudio.core.algorithm import GANAlgorithm
from ganstudio.core.classic import ClassicGAN
from ganstudio.core.config import GANConfig, check_dataset_size, with_overrides
from ganstudio.core.errors import ConfigError, TrainingError
from ganstudio.core.history import COLUMNS, MetricHistory
from ganstudio.core.minibatch import MinibatchGAN
from ganstudio.core.models import images_to_input, output_to_images, sample_noise
from ganstudio.core.stopping import stop_reason

HISTORY_KEYS = COLUMNS  # the metric history's columns (ganstudio/core/history.py)


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
    stop_reason: str | None = None
    paused: bool = False
    sample_seconds: float = 0.0  # what drawing `samples` took, so a viewer can ration them


@dataclass
class _Commands:
    paused: bool = False
    stop: bool = False
    steps: int = 0  # whole iterations to run while paused
    stage_steps: int = 0  # single stages to run while paused
    want_samples: bool = False
    learning_rates: dict = field(default_factory=dict)


class TrainingSession:
    def __init__(self, config: GANConfig, dataset=None) -> None:
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
        algorithm_class = ClassicGAN if config.algorithm == "classic" else MinibatchGAN
        self.algorithm: GANAlgorithm = algorithm_class(config, data, self.rng)
        # The fixed batch the viewer watches: its own stream, so it never shifts training.
        self.fixed_noise = sample_noise(config, np.random.default_rng([config.seed, 2]), config.sample_count)
        self.iteration = 0
        self.stage_index = 0  # next stage to run within the current iteration
        self.history = MetricHistory()  # bounded: recent iterations exact, older ones binned
        self.finished_reason: str | None = None
        self._commands = _Commands()
        self._cond = threading.Condition()
        self._good_state: dict | None = None
        self._maybe_remember_good_state()

    # ------------------------------------------------------------------ commands (thread-safe)
    def pause(self) -> None:
        self._command(paused=True)

    def resume(self) -> None:
        self._command(paused=False)

    def step_once(self) -> None:
        with self._cond:
            self._commands.paused = True
            self._commands.steps += 1
            self._cond.notify_all()

    def step_stage(self) -> None:
        with self._cond:
            self._commands.paused = True
            self._commands.stage_steps += 1
            self._cond.notify_all()

    def stop(self) -> None:
        self._command(stop=True)

    def request_samples(self) -> None:
        self._command(want_samples=True)

    def set_learning_rate(self, which: str, value: float) -> None:
        if which not in ("d", "g") or not value > 0:
            raise ConfigError("a learning rate is set for 'd' or 'g' and must be positive")
        with self._cond:
            self._commands.learning_rates[which] = float(value)
            self._cond.notify_all()

    def _command(self, **changes) -> None:
        with self._cond:
            for key, value in changes.items():
                setattr(self._commands, key, value)
            self._cond.notify_all()

    RUN_SETTINGS = ("iterations", "stop_rule", "stop_tolerance", "equilibrium_window")

    def set_run_settings(self, **changes) -> None:
        """Change when training ends (iterations, stopping rule) on a live or finished session;
        a run that ended by a rule may go on if the new settings no longer stop it."""
        unknown = set(changes) - set(self.RUN_SETTINGS)
        if unknown:
            raise ConfigError(f"only {', '.join(self.RUN_SETTINGS)} can change without a reset, "
                              f"not {', '.join(sorted(unknown))}")
        with self._cond:
            self.config = with_overrides(self.config, changes)
            self.finished_reason = stop_reason(self.config, self.history)
            self._cond.notify_all()

    @property
    def paused(self) -> bool:
        return self._commands.paused

    @property
    def stage_names(self) -> tuple[str, ...]:
        return self.algorithm.stage_names

    # ------------------------------------------------------------------ the loop
    def run(self, log_every: int = 1, samples_every: int = 0):
        """Train, yielding a Progress every `log_every` iterations, after every stepped stage,
        when paused by a command, and at the end. `samples_every` > 0 attaches images of the
        fixed noise batch every that many iterations; `request_samples()` attaches them once."""
        if self.algorithm.data is None:
            raise ConfigError("this session has no dataset to train on")
        clock = _RateClock(self.iteration)
        with self._cond:
            self._commands.stop = False  # a stop sent while no loop was running is stale
        announced_pause = False
        while True:
            with self._cond:
                cmd = self._commands
                self._apply_learning_rates(cmd)
                idle = cmd.paused and not (cmd.stop or cmd.steps or cmd.stage_steps)
                if idle and announced_pause:
                    self._cond.wait(timeout=0.5)
                    continue
            if idle:
                # Tell the consumer once that the loop has seen the pause, then sleep.
                clock.pause()
                announced_pause = True
                yield self._progress(clock.rate(self.iteration), with_samples=True, paused=True)
                continue
            announced_pause = cmd.paused  # a stepped record below says "paused" itself
            with self._cond:
                # "stopped" is not remembered: a stopped run can be resumed.
                reason = "stopped" if cmd.stop else (self.finished_reason or "iterations"
                                                     if self._limit_reached() else None)
                cmd.stop = False
                single_stage = cmd.paused and cmd.stage_steps > 0 and not cmd.steps
                if reason is None and single_stage:
                    cmd.stage_steps -= 1
                elif reason is None and cmd.paused:
                    cmd.steps -= 1
            if reason:  # never yield while holding the lock: the consumer may send commands
                yield self._progress(clock.rate(self.iteration), finished=True, reason=reason,
                                     with_samples=True)
                return
            clock.resume()
            if single_stage:
                stage = self._run_stage()
                yield self._progress(clock.rate(self.iteration), stage=stage,
                                     with_samples=self.stage_index == 0, paused=True)
                continue
            self._run_rest_of_iteration()
            with self._cond:
                want = self._commands.want_samples or (samples_every and self.iteration % samples_every == 0)
                self._commands.want_samples = False
                paused = self._commands.paused
            if self._limit_reached():
                # Only a stopping rule is remembered; the iteration limit can be raised later.
                yield self._progress(clock.rate(self.iteration), stage=self.stage_names[-1],
                                     finished=True, reason=self.finished_reason or "iterations",
                                     with_samples=True)
                return
            if paused or want or self.iteration % log_every == 0:
                yield self._progress(clock.rate(self.iteration), stage=self.stage_names[-1],
                                     with_samples=bool(want or paused), paused=paused)

    @property
    def is_finished(self) -> bool:
        """True when the iteration limit or a stopping rule says training is over."""
        return self._limit_reached()

    def _limit_reached(self) -> bool:
        return self.finished_reason is not None or self.iteration >= self.config.iterations

    def _run_stage(self) -> str:
        name = self.stage_names[self.stage_index]
        # Overflow shows up as NaN/inf, which _after_iteration detects and reports in words.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            self.algorithm.run_stage(name)
        self.stage_index += 1
        if self.stage_index == len(self.stage_names):
            self.stage_index = 0
            self._after_iteration()
        return name

    def _run_rest_of_iteration(self) -> None:
        self._run_stage()
        while self.stage_index:
            self._run_stage()

    def _after_iteration(self) -> None:
        self.iteration += 1
        stats = self.algorithm.stats
        if not (np.isfinite(stats.d_loss) and np.isfinite(stats.g_loss) and self.algorithm.all_finite()):
            self._recover_from_divergence()
        self.history.append((self.iteration, stats.d_real, stats.d_fake, stats.rounded_mean,
                             stats.d_loss, stats.g_loss))   # in HISTORY_KEYS order
        self.algorithm.apply_schedules(self.iteration)
        self.finished_reason = stop_reason(self.config, self.history)
        self._maybe_remember_good_state()

    def _maybe_remember_good_state(self) -> None:
        """Keep a recent finite state to fall back on, copied at most every 2 s so the copy
        costs nothing measurable."""
        now = time.monotonic()
        if self._good_state is None or now - self._good_state["time"] > 2.0:
            self._good_state = {"time": now, "state": self.state_dict()}

    def _recover_from_divergence(self) -> None:
        failed_at = self.iteration
        good = self._good_state
        if good is not None:
            self.load_state_dict(good["state"])
        with self._cond:
            self._commands.paused = True
        back_to = self.iteration
        raise TrainingError(
            f"training diverged (NaN or infinite values) at iteration {failed_at}; "
            f"restored the state of iteration {back_to} and paused. Try a lower learning rate.")

    def _apply_learning_rates(self, cmd: _Commands) -> None:
        for which, value in cmd.learning_rates.items():
            self.algorithm.optimizers[which].lr = value
        cmd.learning_rates.clear()

    def _progress(self, rate: float, stage=None, finished=False, reason=None,
                  with_samples=False, paused=False) -> Progress:
        s = self.algorithm.stats
        real_out = fake_out = None
        if with_samples and s.d_real_outputs is not None:
            real_out, fake_out = s.d_real_outputs, s.d_fake_outputs
            s.d_real_outputs = s.d_fake_outputs = None  # handed over: the loop will not touch them
        began = time.perf_counter()
        samples = self.sample() if with_samples else None
        sample_seconds = time.perf_counter() - began if with_samples else 0.0
        return Progress(
            iteration=self.iteration, d_real=s.d_real, d_fake=s.d_fake,
            rounded_mean=s.rounded_mean, d_loss=s.d_loss, g_loss=s.g_loss,
            steps_per_sec=rate, stage=stage,
            samples=samples, d_real_outputs=real_out, d_fake_outputs=fake_out,
            finished=finished, stop_reason=reason, paused=paused,
            sample_seconds=sample_seconds)

    # ------------------------------------------------------------------ images
    def sample(self, n: int | None = None, seed: int | None = None) -> np.ndarray:
        """uint8 (n, 28, 28): the fixed noise batch by default, or n fresh rows from `seed`."""
        if n is None and seed is None:
            noise = self.fixed_noise
        else:
            rng = np.random.default_rng([self.config.seed, 3] if seed is None else seed)
            noise = sample_noise(self.config, rng, self.config.sample_count if n is None else n)
        out = []
        for start in range(0, len(noise), 1000):  # bounded memory for large n
            out.append(output_to_images(self.algorithm.generate(noise[start:start + 1000]), self.config))
        return np.concatenate(out) if out else np.zeros((0, 28, 28), np.uint8)

    # ------------------------------------------------------------------ state
    def state_dict(self) -> dict:
        state = {f"algo.{k}": v for k, v in self.algorithm.state_dict().items()}
        state["iteration"] = self.iteration
        state["stage_index"] = self.stage_index
        state["rng_state"] = self.rng.bit_generator.state
        state["history"] = self.history.state()
        state["finished_reason"] = self.finished_reason
        if self.stage_index:   # saved between stages: the iteration so far, to finish it exactly
            state.update({f"scratch.{k}": v for k, v in self.algorithm.scratch_state().items()})
        return state

    def load_state_dict(self, state: dict) -> None:
        self.algorithm.load_state_dict({k[5:]: v for k, v in state.items() if k.startswith("algo.")})
        self.iteration = int(state["iteration"])
        self.stage_index = int(state.get("stage_index", 0))
        self.rng.bit_generator.state = state["rng_state"]
        self.history = MetricHistory.from_state(state["history"])
        self.finished_reason = state.get("finished_reason")
        scratch = {k[8:]: v for k, v in state.items() if k.startswith("scratch.")}
        if self.stage_index and scratch:
            self.algorithm.load_scratch_state(scratch)
        elif self.stage_index:   # an older checkpoint saved between stages: start the iteration
            self.stage_index = 0   # again (the weights keep what its first stages did)

    def save(self, path) -> Path:
        from ganstudio.core.checkpoint import save_checkpoint

        return save_checkpoint(self, path)

    @classmethod
    def load(cls, path, dataset=None) -> TrainingSession:
        from ganstudio.core.checkpoint import load_checkpoint

        return load_checkpoint(path, dataset)


class _RateClock:
    """Iterations per second over the time actually spent training (pauses excluded)."""

    def __init__(self, iteration: int) -> None:
        self._start_iter, self._elapsed, self._since = iteration, 0.0, time.perf_counter()

    def pause(self) -> None:
        if self._since is not None:
            self._elapsed += time.perf_counter() - self._since
            self._since = None

    def resume(self) -> None:
        if self._since is None:
            self._since = time.perf_counter()

    def rate(self, iteration: int) -> float:
        elapsed = self._elapsed + (time.perf_counter() - self._since if self._since else 0.0)
        return (iteration - self._start_iter) / elapsed if elapsed > 0 else 0.0
