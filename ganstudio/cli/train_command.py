"""`ganstudio train`: train on the command line, with the same loop the window uses."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from pathlib import Path

import numpy as np

from ganstudio.cli.progress_bar import ProgressLine, bar
from ganstudio.core.atomic import atomic_file
from ganstudio.core.config import DEFAULT_PRESET, get_preset, preset_names, with_overrides
from ganstudio.core.data import open_dataset, parse_digits
from ganstudio.core.errors import ConfigError, GanStudioError
from ganstudio.core.export import save_png, tile_digits, write_metrics_csv
from ganstudio.core.stopping import DIVERGED, ITERATION_LIMIT, STOPPED, StopReason
from ganstudio.core.training import TrainingSession

INTERRUPTED = 130
DIVERGED_EXIT = 3   # the numbers ran away; the outputs hold the last good state
UNLIMITED = 10 ** 12


def register(subparsers) -> None:
    p = subparsers.add_parser("train", help="train a GAN and write its checkpoint, images and metrics",
                              description="Train a GAN; writes checkpoint.npz, grid.png, samples.npy, "
                                          "metrics.csv and config.json into --out.")
    p.add_argument("--preset", default=DEFAULT_PRESET, choices=preset_names(), metavar="NAME",
                   help=f"one of {', '.join(preset_names())} (default {DEFAULT_PRESET})")
    length = p.add_mutually_exclusive_group()
    length.add_argument("--iterations", type=_positive_int, metavar="N", help="iterations to train to")
    length.add_argument("--seconds", type=_positive_float, metavar="S", help="train for S seconds")
    p.add_argument("--seed", type=int, metavar="K", help="random seed (same seed, same result)")
    p.add_argument("--data", default="bundled", metavar="SPEC",
                   help="bundled (default, offline), mnist, fashion, or a path to a file or folder")
    p.add_argument("--digits", metavar="LIST", help="train on these digits only, e.g. 3,5")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="override one preset setting (repeatable), e.g. --set lr_g=0.001")
    p.add_argument("--resume", metavar="CKPT", help="continue training from a checkpoint")
    p.add_argument("--out", default="runs/latest", metavar="DIR", help="output folder (default runs/latest)")
    p.set_defaults(func=run)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be positive")
    return value


def build_session(args) -> TrainingSession:
    digits = parse_digits(args.digits) if args.digits else None
    dataset = open_dataset(args.data, digits)
    if args.resume:
        if args.set or args.seed is not None or args.preset != DEFAULT_PRESET:
            raise ConfigError("--preset, --seed and --set cannot change a resumed run; "
                              "it keeps the settings saved in its checkpoint")
        session = TrainingSession.load(args.resume, dataset)
    else:
        overrides = dict(_parse_setting(item) for item in args.set)
        if args.seed is not None:
            overrides["seed"] = args.seed
        session = TrainingSession(with_overrides(get_preset(args.preset), overrides), dataset)
    if args.iterations is not None:
        session.config = with_overrides(session.config, {"iterations": args.iterations})
    elif args.seconds is not None:
        session.config = with_overrides(session.config, {"iterations": UNLIMITED})
    return session


def _parse_setting(item: str) -> tuple[str, str]:
    key, sep, value = item.partition("=")
    if not sep or not key.strip():
        raise ConfigError(f"--set needs KEY=VALUE, got {item!r}")
    return key.strip(), value


def run(args) -> int:
    session = build_session(args)
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GanStudioError(f"cannot create output folder {out}: {exc.strerror or exc}") from None
    interrupted = _stop_on_ctrl_c()
    line = ProgressLine()
    deadline = time.monotonic() + args.seconds if args.seconds else None
    total = session.config.iterations
    reason = None
    try:
        for progress in session.run(log_every=1):
            line.update(_describe(progress, total, args.seconds), force=progress.finished)
            reason = progress.stop_reason
            if not progress.finished and (interrupted or deadline and time.monotonic() >= deadline):
                reason = StopReason(STOPPED)   # between iterations: the checkpoint is consistent
                line.update(_describe(progress, total, args.seconds), force=True)
                break
    finally:
        line.close()
        signal.signal(signal.SIGINT, signal.default_int_handler)
    write_outputs(session, out)
    if reason is not None and reason.code == DIVERGED:
        print(f"{reason.describe()} in {out}; try lower learning rates", file=sys.stderr)
        return DIVERGED_EXIT
    if interrupted:
        print(f"interrupted at iteration {session.iteration}; saved {out / 'checkpoint.npz'}", file=sys.stderr)
        return INTERRUPTED
    print(f"finished at iteration {session.iteration} ({_reason_text(reason, args.seconds)}); "
          f"wrote {out}", file=sys.stderr)
    return 0


def _stop_on_ctrl_c() -> list:
    """The first Ctrl-C stops between iterations (so the checkpoint is consistent); a second
    one interrupts at once."""
    flag: list = []

    def handler(signum, frame):
        if flag:
            raise KeyboardInterrupt
        flag.append(True)

    signal.signal(signal.SIGINT, handler)
    return flag


def _reason_text(reason, seconds) -> str:
    if reason is None:
        return "nothing to do"
    if reason.code == STOPPED and seconds:
        return f"{seconds:g} s elapsed"
    if reason.code == ITERATION_LIMIT:
        return "iteration limit"
    return reason.describe()


def _describe(p, total: int, seconds) -> str:
    fraction = p.iteration / total if total < UNLIMITED else 0.0
    progress = f"{bar(fraction)} {p.iteration}/{total}" if total < UNLIMITED else f"iteration {p.iteration}"
    return (f"{progress}  D(real) {p.d_real:.3f}  D(fake) {p.d_fake:.3f}  "
            f"loss D {p.d_loss:.3f} G {p.g_loss:.3f}  {p.steps_per_sec:.1f} it/s")


def write_outputs(session: TrainingSession, out: Path) -> None:
    try:
        session.save(out / "checkpoint.npz")
        save_png(tile_digits(session.sample()[:100], 10, 10), out / "grid.png")
        with atomic_file(out / "samples.npy") as handle:
            np.save(handle, session.sample(1000))
        write_metrics_csv(session.history, out / "metrics.csv")
        with atomic_file(out / "config.json", "w", encoding="utf-8") as handle:
            handle.write(json.dumps(json.loads(session.config.to_json()), indent=2) + "\n")
    except OSError as exc:
        raise GanStudioError(f"could not write the results into {out}: {exc.strerror or exc}") from None
