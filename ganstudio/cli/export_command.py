"""`ganstudio export CKPT --format onnx|safetensors|pytorch --out PATH`: a trained GAN for
other tools (docs in ganstudio/core/formats/model_io)."""

from __future__ import annotations

import sys

from ganstudio.core.files.atomic import refuse_overwriting_input
from ganstudio.core.formats.checkpoint import load_checkpoint
from ganstudio.core.formats.model_io.formats import FORMATS, export_model, export_warnings


def register(subparsers) -> None:
    notes = "; ".join(f"{f.name}: {f.note}" for f in FORMATS.values())
    p = subparsers.add_parser("export", help="export a checkpoint's model to ONNX, safetensors or PyTorch",
                              description=f"Export a checkpoint's model. Formats — {notes}.")
    p.add_argument("checkpoint", metavar="CKPT")
    p.add_argument("--format", required=True, choices=list(FORMATS), metavar="FORMAT",
                   help="onnx, safetensors or pytorch")
    p.add_argument("--out", required=True, metavar="PATH", help="the file (onnx, safetensors) or folder (pytorch)")
    p.add_argument("--discriminator", action="store_true",
                   help="onnx: also write D beside G, as <name>-discriminator.onnx")
    p.set_defaults(func=run)


def run(args) -> int:
    refuse_overwriting_input(args.checkpoint, args.out)
    session = load_checkpoint(args.checkpoint)
    for path in export_model(session, args.format, args.out, args.discriminator):
        print(f"wrote {path}")
    for warning in export_warnings(session):
        print(f"ganstudio: warning: {warning}", file=sys.stderr)
    return 0
