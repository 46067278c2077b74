"""JSON read from files we did not write ourselves: a document nested too deeply for Python's
parser (json raises RecursionError, not ValueError) is one more kind of invalid JSON."""

from __future__ import annotations

import json


def parse_json(text: str | bytes):
    """json.loads, raising ValueError for every document it cannot turn into values."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("it is nested too deeply to be a GAN Studio document") from None
