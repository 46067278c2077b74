"""`ganstudio` entry point: parses the sub-command and turns user-facing errors into one
readable line on stderr and exit status 2."""

from __future__ import annotations

import argparse
import importlib
import sys

# Each module defines register(subparsers), which adds its parser and sets `func=run`.
COMMAND_MODULES = (
    "ganstudio.cli.train_command",
    "ganstudio.cli.sample_command",
    "ganstudio.cli.presets_command",
    "ganstudio.cli.data_command",
    "ganstudio.cli.eval_command",
)

USAGE_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """argparse prints the whole usage on a bad argument; we print one line."""

    def error(self, message: str) -> None:  # noqa: D401 - argparse API
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(USAGE_ERROR)


def build_parser() -> argparse.ArgumentParser:
    from ganstudio import __version__

    parser = _Parser(prog="ganstudio", description="Watch a GAN learn to draw digits.")
    parser.add_argument("--version", action="version", version=f"ganstudio {__version__}")
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    from ganstudio.core.errors import GanStudioError

    args = build_parser().parse_args(argv)
    if args.command is None:
        from ganstudio.gui.app import run_app

        return run_app()
    try:
        return int(args.func(args) or 0)
    except GanStudioError as exc:
        print(f"ganstudio: error: {exc}", file=sys.stderr)
        return USAGE_ERROR


if __name__ == "__main__":
    sys.exit(main())
