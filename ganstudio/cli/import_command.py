"""`ganstudio import WEIGHTS.safetensors --out CKPT`: weights exported by GAN Studio (or
trained further by the exported train.py) back into a checkpoint the window and CLI open."""

from __future__ import annotations

from ganstudio.core.data import open_dataset, parse_digits
from ganstudio.core.files.atomic import refuse_overwriting_input
from ganstudio.core.formats.checkpoint import save_checkpoint
from ganstudio.core.formats.model_io.weights import load_weights


def register(subparsers) -> None:
    p = subparsers.add_parser("import", help="turn exported safetensors weights back into a checkpoint",
                              description="Make a checkpoint from a safetensors file GAN Studio exported "
                                          "(optimizer state starts fresh), or the weights of a PyTorch export's folder.")
    p.add_argument("weights", metavar="FILE.safetensors|FOLDER")
    p.add_argument("--out", required=True, metavar="CKPT", help="the checkpoint to write (.npz)")
    p.add_argument("--data", metavar="SPEC", help="the data it goes on training on (default: bundled)")
    p.add_argument("--digits", metavar="LIST", help="these digits only, e.g. 3,5")
    p.set_defaults(func=run)


def run(args) -> int:
    refuse_overwriting_input(args.weights, args.out)
    digits = parse_digits(args.digits) if args.digits else None
    session = load_weights(args.weights, open_dataset(args.data or "bundled", digits))
    path = save_checkpoint(session, args.out)
    print(f"wrote {path} ({session.config.name}, iteration {session.iteration:,})")
    return 0
