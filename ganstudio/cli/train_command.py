"""`ganstudio train`: train on the command line, with the same loop the window uses."""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

import numpy as np

from ganstudio.cli.arg_types import positive_int, seed
from ganstudio.cli.interrupts import Interrupted, StopSignals, signal_name
from ganstudio.cli.progress_bar import ProgressLine, bar
from ganstudio.core.classroom.digit_map import MapTimeline
from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import DEFAULT_PRESET, get_preset, preset_names
from ganstudio.core.config.scenarios import get_scenario
from ganstudio.core.data import open_dataset, parse_digits
from ganstudio.core.errors import ConfigError, GanStudioError
from ganstudio.core.files.atomic import check_writable
from ganstudio.core.files.folder_lock import folder_lock
from ganstudio.core.files.manifest import FileSet
from ganstudio.core.formats.checkpoint import resume_session, write_checkpoint
from ganstudio.core.formats.map_image import save_map_gif
from ganstudio.core.formats.recipe import FILE_NAME as RECIPE_FILE
from ganstudio.core.formats.recipe import Recipe, parse_recipe, read_recipe_file
from ganstudio.core.formats.run_outputs import save_png, tile_digits, write_metrics_csv
from ganstudio.core.formats.timeline_images import save_gif
from ganstudio.core.quality.verdict import render_verdict, session_verdict
from ganstudio.core.training.session import TrainingSession
from ganstudio.core.training.stopping import DIVERGED, ITERATION_LIMIT, STOPPED, StopReason

DIVERGED_EXIT = 3   # the numbers ran away; the outputs hold the last good state
UNLIMITED = 10 ** 12
OUTPUTS = ("checkpoint.npz", "grid.png", "samples.npy", "metrics.csv", "config.json", RECIPE_FILE,
           "timeline.gif")
MAP_TIMELINE = "map_timeline.gif"


def register(subparsers) -> None:
    p = subparsers.add_parser("train", help="train a GAN and write its checkpoint, images and metrics",
                              description="Train a GAN; writes checkpoint.npz, grid.png, samples.npy, "
                                          "metrics.csv, config.json, recipe.toml (the setup, to train "
                                          "the run again with --recipe), timeline.gif (the grid as "
                                          "training went; with --map-timeline also map_timeline.gif, "
                                          "the map of digit space) and manifest.json into --out. "
                                          "Ctrl-C or SIGTERM stops between iterations and saves "
                                          "(exit status 130 / 143).")
    p.add_argument("--preset", choices=preset_names(), metavar="NAME",
                   help=f"one of {', '.join(preset_names())} (default {DEFAULT_PRESET})")
    p.add_argument("--scenario", metavar="NAME",
                   help="start from a scenario's preset, settings and seed instead "
                        "(`ganstudio scenarios` lists them); --set and --seed still apply")
    length = p.add_mutually_exclusive_group()
    length.add_argument("--iterations", type=positive_int, metavar="N", help="iterations to train to")
    length.add_argument("--seconds", type=_positive_float, metavar="S", help="train for S seconds")
    p.add_argument("--seed", type=seed, metavar="K", help="random seed (same seed, same result)")
    p.add_argument("--data", metavar="SPEC",
                   help="bundled (default, offline), mnist, fashion, or a path to a file or folder; "
                        "a resumed run keeps the data of its checkpoint")
    p.add_argument("--digits", metavar="LIST", help="train on these digits only, e.g. 3,5")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="override one preset setting (repeatable), e.g. --set lr_g=0.001")
    p.add_argument("--recipe", metavar="TEXT|FILE",
                   help="train a shared setup again: a ganstudio:v1: line, or a recipe file such "
                        "as a run's recipe.toml (its preset, settings, seed, data and digits; "
                        "--iterations and --seconds still apply)")
    p.add_argument("--resume", metavar="CKPT", help="continue training from a checkpoint")
    p.add_argument("--map-timeline", action="store_true",
                   help=f"also write {MAP_TIMELINE}: the map of digit space (as `ganstudio map` draws "
                        "it) at each of the timeline's frames, with D's arrows and shading as they "
                        "were then (a resumed run's: from where it resumed); costs a map per frame")
    p.add_argument("--out", default="runs/latest", metavar="DIR", help="output folder (default runs/latest)")
    p.set_defaults(func=run)


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be positive")
    return value


def build_session(args) -> TrainingSession:
    digits = parse_digits(args.digits) if args.digits else None
    if args.recipe is not None:
        recipe = _recipe(args)
        args.scenario = recipe.scenario   # the run's own recipe names it again
        session = TrainingSession(recipe.config(), open_dataset(recipe.data, recipe.digits))
    elif args.resume:
        if args.set or args.seed is not None or args.preset or args.scenario:
            raise ConfigError("--preset, --scenario, --seed and --set cannot change a resumed run; "
                              "it keeps the settings saved in its checkpoint")
        session = resume_session(args.resume, args.data, digits)
    else:
        overrides = dict(_parse_setting(item) for item in args.set)
        if args.seed is not None:
            overrides["seed"] = args.seed
        config = with_overrides(_starting_config(args), overrides)
        session = TrainingSession(config, open_dataset(args.data or "bundled", digits))
    if args.iterations is not None:
        session.config = with_overrides(session.config, {"iterations": args.iterations})
    elif args.seconds is not None:
        session.config = with_overrides(session.config, {"iterations": UNLIMITED})
    return session


def _recipe(args) -> Recipe:
    given = [flag for flag, value in (("--preset", args.preset), ("--scenario", args.scenario),
                                      ("--seed", args.seed), ("--data", args.data),
                                      ("--digits", args.digits), ("--set", args.set),
                                      ("--resume", args.resume)) if value not in (None, [])]
    if given:
        raise ConfigError(f"--recipe holds the whole setup: it cannot be combined with {', '.join(given)}")
    if args.recipe.lstrip().startswith("ganstudio:"):
        return parse_recipe(args.recipe)
    return read_recipe_file(args.recipe)


def _starting_config(args):
    """The preset, or the scenario's configuration (its preset, settings and seed)."""
    if args.scenario is None:
        return get_preset(args.preset or DEFAULT_PRESET)
    if args.preset:
        raise ConfigError("--preset and --scenario cannot be combined: a scenario names its preset")
    return get_scenario(args.scenario).config()


def _parse_setting(item: str) -> tuple[str, str]:
    key, sep, value = item.partition("=")
    if not sep or not key.strip():
        raise ConfigError(f"--set needs KEY=VALUE, got {item!r}")
    return key.strip(), value


def run(args) -> int:
    session = build_session(args)
    if args.map_timeline and (session.dataset is None or len(session.dataset.images) < 3):
        raise GanStudioError("--map-timeline needs at least three real digits to map")
    out = Path(args.out)
    created = prepare_output_folder(out)
    with folder_lock(out):   # a second run into --out is told so now, not after training
        try:
            return _train_and_save(args, session, out)
        except BaseException:
            if created:   # "as it was": a folder made for a run that saved nothing goes again
                _remove_if_empty(out)
            raise


def _train_and_save(args, session: TrainingSession, out: Path) -> int:
    line = ProgressLine()
    maps = MapTimeline() if args.map_timeline else None
    if maps is not None:
        maps.follow(session)   # the timeline's first frame, before the first iteration
    deadline = time.monotonic() + args.seconds if args.seconds else None
    total = session.config.iterations
    reason = None
    with StopSignals() as signals:
        try:
            for progress in session.run(log_every=1):
                if maps is not None:
                    maps.follow(session)
                if _numbers_are_finite(progress):   # a diverged step's NaN says nothing: keep the last good line
                    line.update(_describe(progress, total, args.seconds), force=progress.finished)
                reason = progress.stop_reason
                stop = signals.first is not None or deadline and time.monotonic() >= deadline
                if stop and not progress.finished:
                    reason = StopReason(STOPPED)   # between iterations: the checkpoint is consistent
                    if _numbers_are_finite(progress):
                        line.update(_describe(progress, total, args.seconds), force=True)
                    break
            signals.defer()  # from here on a signal is only noted: the save runs to its end
        except Interrupted as exc:  # a second signal: the iteration it cut is not saved
            raise Interrupted(exc.signum, f"stopped at once by a second {signal_name(exc.signum)} "
                                          f"at iteration {session.iteration}; nothing saved, "
                                          f"{out} is as it was") from None
        finally:
            line.close()
        write_outputs(session, out, args.scenario, maps)
    if reason is not None and signals.first is None:   # an interrupted run just says where it stopped
        print(f"verdict: {render_verdict(session_verdict(session, reason))}", file=sys.stderr)
    if reason is not None and reason.code == DIVERGED:
        print(f"{reason.describe()} in {out}; try lower learning rates", file=sys.stderr)
        return DIVERGED_EXIT
    if signals.first is not None:
        print(f"interrupted at iteration {session.iteration} by {signal_name(signals.first)}; "
              f"saved {', '.join(OUTPUTS + ((MAP_TIMELINE,) if maps is not None else ()))} in {out}",
              file=sys.stderr)
        return 128 + signals.first
    print(f"finished at iteration {session.iteration} ({_reason_text(reason, args.seconds)}); "
          f"wrote {out}", file=sys.stderr)
    return 0


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass   # not empty after all (someone else's files): leave it


def prepare_output_folder(out: Path) -> bool:
    """Before training, not after it: create --out and prove a file can be written there.
    Whether it was created (it goes again if nothing is saved in it)."""
    try:
        created = not out.exists()   # OSError too: a name longer than the system allows
        check_writable(out)
        return created
    except OSError as exc:
        raise GanStudioError(f"cannot write into the output folder {out}: {exc.strerror or exc}") from None


def _reason_text(reason, seconds) -> str:
    if reason is None:
        return "nothing to do"
    if reason.code == STOPPED and seconds:
        return f"{seconds:g} s elapsed"
    if reason.code == ITERATION_LIMIT:
        return "iteration limit"
    return reason.describe()


def _numbers_are_finite(p) -> bool:
    return all(math.isfinite(value) for value in (p.d_real, p.d_fake, p.d_loss, p.g_loss))


def _describe(p, total: int, seconds) -> str:
    if total >= UNLIMITED:
        progress = f"iteration {p.iteration}"
    else:   # iterations=0 (a --set) is a run already done
        progress = f"{bar(p.iteration / total if total else 1.0)} {p.iteration}/{total}"
    return (f"{progress}  D(real) {p.d_real:.3f}  D(fake) {p.d_fake:.3f}  "
            f"loss D {p.d_loss:.3f} G {p.g_loss:.3f}  {p.steps_per_sec:.1f} it/s")


def run_recipe(session: TrainingSession, scenario: str | None = None) -> Recipe | None:
    """The recipe that trains this run again to the iteration it reached (None when its data
    has no spec to open it again by)."""
    spec = getattr(session.dataset, "spec", None)
    if spec is None:
        return None
    config = with_overrides(session.config, {"iterations": session.iteration})
    return Recipe.from_setup(config, spec, session.dataset.digits, scenario)


def write_outputs(session: TrainingSession, out: Path, scenario: str | None = None,
                  maps: MapTimeline | None = None) -> None:
    """The run's files as one set (core/files/manifest.py): all are prepared before any replaces
    its predecessor, and manifest.json, written last, tells a reader they belong together.
    recipe.toml (and the manifest's "recipe" line) trains the run again. With `maps`, also the
    map's timeline."""
    recipe = run_recipe(session, scenario)
    info = {"iteration": session.iteration, "preset": session.config.name}
    try:
        with FileSet(out) as files:
            with files.open("checkpoint.npz") as handle:   # a full disk names the run, not a temporary
                write_checkpoint(session, handle)
            with files.open("grid.png") as handle:
                save_png(tile_digits(session.sample()[:100], 10, 10), handle)
            with files.open("samples.npy") as handle:
                np.save(handle, session.sample(1000))
            with files.open("metrics.csv", "w", newline="", encoding="utf-8") as handle:
                write_metrics_csv(session.history, handle)
            timeline = session.timeline.frames_until(session.iteration, session.grid_sample())
            with files.open("timeline.gif") as handle:
                save_gif(*timeline, handle)
            if maps is not None:
                frames = maps.frames(session)
                with files.open(MAP_TIMELINE) as handle:
                    save_map_gif(frames, handle)
            with files.open("config.json", "w", encoding="utf-8") as handle:
                handle.write(json.dumps(json.loads(session.config.to_json()), indent=2) + "\n")
            if recipe is not None:
                with files.open(RECIPE_FILE, "w", encoding="utf-8") as handle:
                    handle.write(recipe.to_toml())
                info["recipe"] = recipe.to_line()
            files.commit(info)
    except OSError as exc:
        raise GanStudioError(f"could not write the results into {out}: {exc.strerror or exc}") from None
