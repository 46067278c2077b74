"""`ganstudio sample CKPT [--noise FILE.npy] [--digit D] --out FILE.png|FILE.npy`: draw digits
from a trained generator, from fresh noise or from given noise rows; a conditional generator
(--preset conditional) draws the digit it is asked for."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from ganstudio.cli.arg_types import non_negative_int, positive_int, seed
from ganstudio.core.errors import GanStudioError
from ganstudio.core.files.atomic import atomic_file
from ganstudio.core.formats.checkpoint import load_checkpoint
from ganstudio.core.formats.model_io.noise_file import read_noise
from ganstudio.core.formats.run_outputs import save_png, tile_digits


def register(subparsers) -> None:
    p = subparsers.add_parser("sample", help="draw digits from a checkpoint into a PNG or .npy",
                              description="Draw N digits from a checkpoint's generator.")
    p.add_argument("checkpoint", metavar="CKPT")
    p.add_argument("--n", type=positive_int, default=100, metavar="N", help="how many digits (default 100)")
    p.add_argument("--seed", type=seed, metavar="K", help="noise seed (default: the run's seed)")
    p.add_argument("--noise", metavar="FILE.npy",
                   help="draw from these noise rows (float, n × noise width) instead of --n/--seed")
    p.add_argument("--digit", type=non_negative_int, metavar="D",
                   help="draw only this digit, 0-9 (a checkpoint of the conditional preset)")
    p.add_argument("--out", required=True, metavar="FILE", help="FILE.png (a grid) or FILE.npy (uint8 N×28×28)")
    p.set_defaults(func=run)


def run(args) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in (".png", ".npy"):
        raise GanStudioError(f"--out must end in .png or .npy, not {out.name!r}")
    if not 1 <= args.n <= 100_000:
        raise GanStudioError("--n must be between 1 and 100000")
    session = load_checkpoint(args.checkpoint)
    if args.digit is not None:
        session.check_digit(args.digit)   # before any noise is read: one line if it cannot
    if args.noise is not None:
        if args.seed is not None:
            raise GanStudioError("--noise and --seed cannot be combined: the noise file is the noise")
        noise = read_noise(args.noise, session.config)
        digits = None if args.digit is None else np.full(len(noise), args.digit, np.int64)
        images = session.draw(noise, digits)
        args.n = len(images)
    else:
        images = session.sample(args.n, seed=args.seed, digit=args.digit)
    try:
        if out.suffix.lower() == ".npy":
            with atomic_file(out) as handle:  # a full disk or Ctrl-C never leaves half a file
                np.save(handle, images)
        else:
            cols = min(args.n, max(10, math.ceil(math.sqrt(args.n))))
            save_png(tile_digits(images, math.ceil(args.n / cols), cols), out)
    except OSError as exc:
        raise GanStudioError(f"could not write {out}: {exc.strerror or exc}") from None
    print(f"wrote {args.n} digits to {out}")
    return 0
