"""The timeline: the fixed-noise digit grid kept every `spacing` iterations of training, in
bounded memory, so a run can be looked back on (the window's slider) and taken home (a GIF, a
contact sheet: core/formats/timeline_images.py).

At most `capacity` frames are kept. When a new frame would exceed it, every other frame is
dropped (the first and the new one stay) and the spacing doubles, so the frames stay evenly
spaced over the whole run and memory never grows past `capacity` frames of 100 digits
(64 × 78,400 bytes ≈ 5 MB), however long training goes on.

The training thread adds frames; the window reads them while training is paused, possibly while
a step adds one: a lock keeps each read whole. Frames are fresh uint8 arrays never written
again, so a reader may keep them.
"""

from __future__ import annotations

import threading

import numpy as np

from ganstudio.core.errors import GanStudioError

FRAME_DIGITS = 100   # the window's 10×10 grid: the first 100 of the fixed noise batch
DIGIT_SHAPE = (28, 28)
MAX_FRAMES = 64
MAX_TIMELINE_BYTES = MAX_FRAMES * FRAME_DIGITS * DIGIT_SHAPE[0] * DIGIT_SHAPE[1]   # the frames' uint8
# Iterations between frames at first. Drawing a frame costs about half a `fast` iteration and an
# eighth of an `mlp` one (benchmarks/bench_timeline.py): every 100th iteration is at most ~0.5 %
# of training. A classic iteration is a whole epoch, ~100 times a frame's cost: every 10th.
# Each doubling of the spacing halves the cost.
FIRST_SPACING = 100
FIRST_SPACING_CLASSIC = 10
MAX_SPACING = 1 << 40   # far beyond any run (config allows 10^9 iterations); refuses damage


def first_spacing(config) -> int:
    return FIRST_SPACING_CLASSIC if config.algorithm == "classic" else FIRST_SPACING


class TimelineError(GanStudioError):
    """A saved timeline that cannot be right (damaged, or not written by GAN Studio)."""


class Timeline:
    def __init__(self, spacing: int = FIRST_SPACING, capacity: int = MAX_FRAMES) -> None:
        if capacity < 2 or capacity % 2:
            raise ValueError("a timeline's capacity is an even number of at least 2 frames")
        self.spacing = int(spacing)
        self.capacity = capacity
        self._iterations: list[int] = []
        self._frames: list[np.ndarray] = []
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._iterations)

    @property
    def nbytes(self) -> int:
        """Bytes the kept frames hold."""
        with self._lock:
            return sum(frame.nbytes for frame in self._frames)

    @property
    def frame_digits(self) -> int | None:
        """Digits in each kept frame (all hold the same count); None while there are none."""
        with self._lock:
            return len(self._frames[0]) if self._frames else None

    def due(self, iteration: int) -> bool:
        """Whether a frame of `iteration` belongs in the timeline."""
        return not self._iterations or iteration - self._iterations[-1] >= self.spacing

    def add(self, iteration: int, images: np.ndarray) -> None:
        """Keeps the first FRAME_DIGITS of `images` (uint8 (n, 28, 28)) as the frame of
        `iteration`, thinning the older frames when there are too many."""
        frame = np.array(images[:FRAME_DIGITS], dtype=np.uint8)   # a fresh copy, never written
        with self._lock:
            iterations, frames = self._iterations + [int(iteration)], self._frames + [frame]
            if len(iterations) > self.capacity:
                # capacity + 1 frames (an odd count): every other one from the first keeps both
                # the first and the newest, evenly spaced at twice the spacing.
                iterations, frames = iterations[::2], frames[::2]
                self.spacing *= 2
            self._iterations, self._frames = iterations, frames   # readers see old or new, whole

    def cut_after(self, iteration: int) -> None:
        """Forgets the frames after `iteration` (training went back to a good state)."""
        with self._lock:
            keep = sum(1 for i in self._iterations if i <= iteration)
            self._iterations, self._frames = self._iterations[:keep], self._frames[:keep]

    def snapshot(self) -> tuple[list[int], list[np.ndarray]]:
        """The kept iterations and their frames, oldest first (lists of their own)."""
        with self._lock:
            return list(self._iterations), list(self._frames)

    def frames_until(self, iteration: int, images: np.ndarray) -> tuple[list[int], list[np.ndarray]]:
        """The kept frames and, when it is newer than the last of them, the grid of now:
        what an export shows, so a run ends on its final digits."""
        iterations, frames = self.snapshot()
        if not iterations or iteration > iterations[-1]:
            iterations.append(int(iteration))
            frames.append(np.array(images[:FRAME_DIGITS], dtype=np.uint8))
        return iterations, frames

    # ------------------------------------------------------------------ saving
    def state(self) -> dict[str, np.ndarray]:
        """Arrays for a checkpoint."""
        iterations, frames = self.snapshot()   # one session's frames all hold its grid's count
        stacked = np.stack(frames) if frames else np.zeros((0, FRAME_DIGITS, *DIGIT_SHAPE), np.uint8)
        return {"iterations": np.array(iterations, np.int64), "frames": stacked,
                "spacing": np.array(self.spacing, np.int64)}

    @classmethod
    def from_state(cls, state: dict, capacity: int = MAX_FRAMES) -> Timeline:
        """A timeline from `state()`'s arrays, checked: a damaged one raises TimelineError."""
        missing = {"iterations", "frames", "spacing"} - set(state)
        if missing:
            raise TimelineError(f"missing {', '.join(sorted(missing))}")
        iterations, frames, spacing = (np.asarray(state[k]) for k in ("iterations", "frames", "spacing"))
        if spacing.shape != () or spacing.dtype.kind not in "iu" or not 1 <= int(spacing) <= MAX_SPACING:
            raise TimelineError("its spacing is not a positive whole number")
        if iterations.ndim != 1 or iterations.dtype.kind not in "iu":
            raise TimelineError("its iterations are not a list of whole numbers")
        count = len(iterations)
        if count > capacity:
            raise TimelineError(f"it holds {count} frames, more than the {capacity} kept")
        if (frames.dtype != np.uint8 or frames.ndim != 4 or frames.shape[0] != count
                or not 1 <= frames.shape[1] <= FRAME_DIGITS or frames.shape[2:] != DIGIT_SHAPE):
            raise TimelineError(f"its frames have shape {frames.shape} and type {frames.dtype}, "
                                f"not {count} grids of up to {FRAME_DIGITS} 28×28 uint8 digits")
        if count and (iterations[0] < 0 or np.any(np.diff(iterations) <= 0)):
            raise TimelineError("its iterations do not increase")
        timeline = cls(int(spacing), capacity)
        timeline._iterations = [int(i) for i in iterations]
        timeline._frames = [np.array(frame) for frame in frames]
        return timeline
