"""`ganstudio scenarios`: every scenario with the one line it shows on screen."""

from __future__ import annotations

from ganstudio.core.config.scenarios import SCENARIOS


def register(subparsers) -> None:
    p = subparsers.add_parser("scenarios", help="list the scenarios (ganstudio train --scenario NAME)",
                              description="One-click set-ups that each tell a story in under a "
                                          "minute; train one with `ganstudio train --scenario NAME`, "
                                          "or choose it in the window's Scenarios menu.")
    p.set_defaults(func=run)


def run(args) -> int:
    width = max(len(s.name) for s in SCENARIOS)
    for scenario in SCENARIOS:
        print(f"{scenario.name:<{width}}  {scenario.title}: {scenario.caption}")
    return 0
