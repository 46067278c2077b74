"""Argument types shared by the sub-commands: a bad number is argparse's one-line error."""

from __future__ import annotations

import argparse


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def non_negative_int(text: str) -> int:
    value = _integer(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def positive_int(text: str) -> int:
    value = non_negative_int(text)
    if value == 0:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def seed(text: str) -> int:
    """A NumPy seed: a whole number from 0 to 2**63 - 1."""
    value = non_negative_int(text)
    if value >= 2 ** 63:
        raise argparse.ArgumentTypeError("must be below 2**63")
    return value
