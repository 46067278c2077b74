"""Changing settings key by key, with typed values or the text of `--set key=value`."""

from __future__ import annotations

import dataclasses

from ganstudio.core.config.settings import GANConfig
from ganstudio.core.errors import ConfigError


def config_keys() -> list[str]:
    return [f.name for f in dataclasses.fields(GANConfig) if f.name not in ("name", "description")]


def _check_key(key: str) -> None:
    if key not in {f.name for f in dataclasses.fields(GANConfig)}:
        raise ConfigError(f"unknown setting {key!r}; known settings: {', '.join(config_keys())}")


def parse_value(config: GANConfig, key: str, text: str):
    """Turn the text of `key=text` into a value of the key's type."""
    _check_key(key)
    current = getattr(config, key)
    try:
        if isinstance(current, bool):
            lowered = text.strip().lower()
            if lowered not in ("true", "false", "1", "0", "yes", "no"):
                raise ValueError
            return lowered in ("true", "1", "yes")
        if isinstance(current, tuple):
            parts = [p for p in text.replace(" ", "").split(",") if p]
            return tuple(int(p) for p in parts)
        if isinstance(current, int):
            return int(text)
        if isinstance(current, float):
            return float(text)
        return text.strip()
    except ValueError:
        kind = type(current).__name__ if not isinstance(current, tuple) else "comma-separated integers"
        raise ConfigError(f"setting {key!r} needs {kind}, got {text!r}") from None


def with_overrides(config: GANConfig, overrides: dict) -> GANConfig:
    """A copy of `config` with some keys changed; values may be typed or text (from the CLI)."""
    values = {}
    for key, value in overrides.items():
        _check_key(key)
        values[key] = parse_value(config, key, value) if isinstance(value, str) else value
    try:
        return dataclasses.replace(config, **values)
    except TypeError as exc:
        raise ConfigError(str(exc)) from None
