"""`ganstudio map CKPT --out map.png`: the map of digit space for slides — the real digits as
one cloud per class on a fixed plane, G's fixed batch of fakes as dots, and for each fake an
arrow where G's loss pushes it, over the plane shaded by D's score for the image at each of its
points (core/classroom/digit_map.py)."""

from __future__ import annotations

from pathlib import Path

from ganstudio.core.classroom.digit_map import digit_map
from ganstudio.core.data import parse_digits
from ganstudio.core.errors import GanStudioError
from ganstudio.core.formats.checkpoint import resume_session
from ganstudio.core.formats.map_image import render_map
from ganstudio.core.formats.run_outputs import save_png


def register(subparsers) -> None:
    p = subparsers.add_parser("map", help="draw the map of digit space: real digits, G's fakes and "
                                          "where G's loss pushes them, as a PNG",
                              description="Draw a checkpoint's map of digit space as a PNG: the real "
                                          "digits (one colour per class) on the plane of their two main "
                                          "directions of variation, G's fixed batch of fakes as dots, and "
                                          "an arrow from each fake where G's loss pushes it; the plane "
                                          "is shaded by D's score for the image at each of its points.")
    p.add_argument("checkpoint", metavar="CKPT")
    p.add_argument("--data", metavar="SPEC",
                   help="the real digits (default: the data the checkpoint was trained on)")
    p.add_argument("--digits", metavar="LIST", help="those digits only, e.g. 3,5")
    p.add_argument("--out", required=True, metavar="FILE.png", help="the picture to write")
    p.set_defaults(func=run)


def run(args) -> int:
    out = Path(args.out)
    if out.suffix.lower() != ".png":
        raise GanStudioError(f"--out must end in .png, not {out.name!r}")
    digits = parse_digits(args.digits) if args.digits else None
    session = resume_session(args.checkpoint, args.data, digits)
    found = digit_map(session)
    image = render_map(found.real_points, found.real_labels, found.fakes, found.fakes_after, found.iteration,
                       shade=found.shade, box=found.box, fake_scores=found.fake_scores)
    try:
        save_png(image, out)
    except OSError as exc:
        raise GanStudioError(f"cannot write {out}: {exc.strerror or exc}") from None
    print(f"wrote {out}: {len(found.real_points):,} real digits, {len(found.fakes)} fakes at "
          f"iteration {found.iteration:,}")
    return 0
