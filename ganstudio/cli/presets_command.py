"""`ganstudio presets`: every preset with one line on what it shows."""

from __future__ import annotations

from ganstudio.core.config import DEFAULT_PRESET, PRESETS


def register(subparsers) -> None:
    p = subparsers.add_parser("presets", help="list the training presets")
    p.add_argument("--show", metavar="NAME", help="print every setting of one preset")
    p.set_defaults(func=run)


def run(args) -> int:
    if args.show:
        from ganstudio.core.config import config_keys, get_preset

        config = get_preset(args.show)
        for key in config_keys():
            print(f"{key:<20} {getattr(config, key)}")
        return 0
    width = max(map(len, PRESETS))
    for name, config in PRESETS.items():
        marker = " (default)" if name == DEFAULT_PRESET else ""
        print(f"{name:<{width}}  {config.description}{marker}")
    return 0
