"""`ganstudio presets`: every preset with one line on what it shows; the ladder's rungs in
order, each with what it changes, why, and what the judge measured."""

from __future__ import annotations

from ganstudio.core.config.ladder import LADDER, LADDER_GROUP_NAMES, LADDER_IMAGES, LADDER_SEEDS, ladder_rung
from ganstudio.core.config.presets import DEFAULT_PRESET, PRESETS


def register(subparsers) -> None:
    p = subparsers.add_parser("presets", help="list the training presets")
    p.add_argument("--show", metavar="NAME", help="print every setting of one preset")
    p.set_defaults(func=run)


def run(args) -> int:
    if args.show:
        from ganstudio.core.config.overrides import config_keys
        from ganstudio.core.config.presets import get_preset

        config = get_preset(args.show)
        for key in config_keys():
            print(f"{key:<20} {getattr(config, key)}")
        return 0
    width = max(map(len, PRESETS))
    for name, config in PRESETS.items():
        if ladder_rung(name) is None:
            marker = " (default)" if name == DEFAULT_PRESET else ""
            print(f"{name:<{width}}  {config.description}{marker}")
    print(ladder_table())
    return 0


def ladder_table() -> str:
    """The rungs in order: what each changes, the judge's numbers, and why (indented)."""
    seeds = ", ".join(map(str, LADDER_SEEDS))
    lines = [f"From the 2014 demo to digits, one change at a time (the judge after "
             f"{LADDER_IMAGES:,} training images, mean of seeds {seeds}; docs/ladder.md):",
             "(kinds: of digit, drawn digit-like; named: classes the judge names at all; "
             "unlike: samples like no digit)",
             f"  {'preset':<{_NAME}}  {'changes':<{_CHANGE}}  kinds  named   KL    conf.  unlike  Fréchet"]
    for rung in LADDER:
        change = LADDER_GROUP_NAMES[rung.group] if rung.group else "(start)"
        lines.append(f"  {rung.preset:<{_NAME}}  {change:<{_CHANGE}}  {rung.kinds:4.1f}   {rung.covered:4.1f}  "
                     f"{rung.kl:5.2f}  {rung.confidence:5.2f}  {rung.unlike:5.0%}  {rung.frechet:7.1f}")
        lines.append(f"  {'':<{_NAME}}  {rung.why}")
    return "\n".join(lines)


_NAME = max((len(rung.preset) for rung in LADDER), default=0)
_CHANGE = max(len(name) for name in (*LADDER_GROUP_NAMES.values(), "(start)"))
