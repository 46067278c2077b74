"""A recipe: everything needed to train a run again, exactly — the preset, the settings that
differ from it, the seed, the data and digits, and the scenario it came from — as one line for
chat and email, or as a small TOML file.

The line is readable `key=value` pairs, not an opaque code:

    ganstudio:v1:preset=fast;scenario=collapse;seed=2;data=bundled;clusters=0;lr_g=0.02;sum=5c1e09a2

A teacher can see what a pasted setup will do before using it, and read it out on a call; the
`ganstudio:v1:` prefix says what it is and which version wrote it; `sum=` ends it with the first
8 hex digits of the SHA-256 of everything before `;sum=`, so a paste cut short (or edited) is
one clear line rather than a different run. Values are percent-encoded (a path may hold `;`,
spaces or any letter), so the line has no spaces: whitespace anywhere in a paste (a mail client
wrapping the line, a chat app's zero-width spaces) is dropped before reading. Floats are written
as Python's shortest exact text, so the same bits come back.

The file (`recipe.toml`, beside config.json in every run folder) holds the same things, with
comments, for people who keep their setups in files; core/files/toml_text.py reads and writes
its subset of TOML on every supported Python. It has no checksum: files are written whole or
not at all (core/files/atomic.py), and a hand edit of the file is meant to work.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from ganstudio.core.config.overrides import config_keys, parse_value, with_overrides
from ganstudio.core.config.presets import DEFAULT_PRESET, PRESETS, get_preset
from ganstudio.core.config.scenarios import scenario_names
from ganstudio.core.config.settings import GANConfig
from ganstudio.core.data.dataset import check_digits
from ganstudio.core.errors import ConfigError, GanStudioError
from ganstudio.core.files.toml_text import TomlError, read_toml, write_toml

PREFIX = "ganstudio:"
VERSION = "v1"
FILE_FORMAT = "ganstudio-recipe"
FILE_NAME = "recipe.toml"
MAX_TEXT = 20_000      # characters of a pasted line (a long data path fits many times over)
MAX_FILE = 64 * 1024   # bytes of a recipe file
MAX_SPEC = 4096        # characters of the data spec
_TOP_KEYS = ("preset", "scenario", "seed", "data", "digits")
_INVISIBLE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff\u00ad]+")


class RecipeError(ConfigError):
    """A recipe that cannot be read or used; `code` says which kind of problem it is."""

    def __init__(self, message: str, code: str = "recipe") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Recipe:
    preset: str
    seed: int
    settings: dict = field(default_factory=dict, hash=False)  # key -> value; only the differences
    data: str = "bundled"
    digits: tuple[int, ...] | None = None
    scenario: str | None = None

    # --- making one

    @classmethod
    def from_setup(cls, config: GANConfig, data: str, digits=None, scenario: str | None = None) -> Recipe:
        """The recipe of training `config` on `data` (a dataset spec), `digits` (None: all)."""
        preset = config.name if config.name in PRESETS else DEFAULT_PRESET
        base = get_preset(preset)
        settings = {key: getattr(config, key) for key in config_keys()
                    if key != "seed" and getattr(config, key) != getattr(base, key)}
        recipe = cls(preset, config.seed, settings, data, tuple(digits) if digits else None, scenario)
        recipe.config()   # a recipe that would not restore is a bug here, not at the reader's end
        return recipe

    def config(self) -> GANConfig:
        """The configuration it trains with (ConfigError with one line if it is not valid)."""
        return with_overrides(get_preset(self.preset), {**self.settings, "seed": self.seed})

    # --- the line

    def to_line(self) -> str:
        pairs = [("preset", self.preset)]
        if self.scenario:
            pairs.append(("scenario", self.scenario))
        pairs += [("seed", str(self.seed)), ("data", self.data)]
        if self.digits:
            pairs.append(("digits", ",".join(map(str, self.digits))))
        pairs += [(key, _setting_text(self.settings[key])) for key in config_keys() if key in self.settings]
        text = f"{PREFIX}{VERSION}:" + ";".join(f"{key}={quote(value, safe=',.-_+')}" for key, value in pairs)
        return f"{text};sum={_checksum(text)}"

    @classmethod
    def from_line(cls, text: str) -> Recipe:
        if len(text) > MAX_TEXT:
            raise RecipeError(f"the recipe is {len(text):,} characters long; a recipe has at most "
                              f"{MAX_TEXT:,}", "recipe-size")
        line = _INVISIBLE.sub("", text)
        if not line.startswith(PREFIX):
            raise RecipeError(f"this is not a GAN Studio recipe: a recipe starts with {PREFIX}{VERSION}:",
                              "recipe-not")
        version, _, body = line[len(PREFIX):].partition(":")
        if version != VERSION:
            if re.fullmatch(r"v[0-9]{1,6}", version):
                raise RecipeError(f"this recipe is version {version}, written by a newer GAN Studio; "
                                  f"this one reads {VERSION}", "recipe-version")
            raise RecipeError(f"this is not a GAN Studio recipe: a recipe starts with {PREFIX}{VERSION}:",
                              "recipe-not")
        payload, found, checksum = body.rpartition(";sum=")
        if not found:
            raise RecipeError("the recipe is cut short: its end (;sum=...) is missing; copy the "
                              "whole line", "recipe-cut")
        if checksum != _checksum(f"{PREFIX}{VERSION}:{payload}"):
            raise RecipeError("the recipe was cut short or changed: its checksum does not match; "
                              "copy the whole line again", "recipe-checksum")
        values: dict[str, str] = {}
        for item in payload.split(";"):
            key, sep, value = item.partition("=")
            if not sep:
                raise RecipeError(f"the recipe's part {_short(item)} is not key=value", "recipe-syntax")
            if key in values:
                raise RecipeError(f"the recipe gives {_short(key)} twice", "recipe-syntax")
            try:
                values[key] = unquote(value, errors="strict")
            except UnicodeDecodeError:
                raise RecipeError(f"the recipe's {_short(key)} is not UTF-8 text", "recipe-syntax") from None
        top = {key: values.pop(key) for key in _TOP_KEYS if key in values}
        preset = _known_preset(top.get("preset"))
        _check_keys(values)
        base = get_preset(preset)
        settings = {key: parse_value(base, key, text) for key, text in values.items()}
        seed = _whole_number(top.get("seed"), "seed")
        digits = _digits(top["digits"].split(",")) if top.get("digits") else None
        return cls._checked(preset, seed, settings, top.get("data", "bundled"), digits, top.get("scenario"))

    # --- the file

    def to_toml(self) -> str:
        top = {"format": FILE_FORMAT, "version": int(VERSION[1:]), "preset": self.preset}
        if self.scenario:
            top["scenario"] = self.scenario
        top.update(seed=self.seed, data=self.data)
        if self.digits:
            top["digits"] = list(self.digits)
        settings = {key: self.settings[key] for key in config_keys() if key in self.settings}
        header = ("GAN Studio recipe: train this run again, exactly.\n"
                  "  ganstudio train --recipe recipe.toml   (or File > Open Recipe in the window)\n"
                  "[settings] holds only the settings that differ from the preset.\n"
                  "The same as one line, for chat and email:\n"
                  f"  {self.to_line()}")
        return write_toml(top, {"settings": settings}, header)

    @classmethod
    def from_toml(cls, text: str) -> Recipe:
        try:
            top, tables = read_toml(text)
        except TomlError as exc:
            raise RecipeError(f"the recipe file is not readable: {exc}", "recipe-syntax") from None
        if top.get("format") != FILE_FORMAT:
            raise RecipeError(f'this is not a GAN Studio recipe file (it needs format = "{FILE_FORMAT}")',
                              "recipe-not")
        version = top.get("version")
        if version != int(VERSION[1:]):
            raise RecipeError(f"this recipe file is version {_short(version)}; this GAN Studio reads "
                              f"version {VERSION[1:]}", "recipe-version")
        unknown = set(top) - {"format", "version", *_TOP_KEYS}
        if unknown or set(tables) - {"settings"}:
            names = sorted(unknown) + [f"[{name}]" for name in sorted(set(tables) - {"settings"})]
            raise RecipeError(f"the recipe file has unknown entries: {_short(', '.join(names))}", "recipe-key")
        settings = dict(tables.get("settings", {}))
        _check_keys(settings)
        preset = _known_preset(top.get("preset"))
        base = get_preset(preset)
        for key, value in settings.items():
            current = getattr(base, key)
            if isinstance(value, list) and isinstance(current, tuple):
                settings[key] = tuple(value)
            elif isinstance(value, str) != isinstance(current, str):
                raise RecipeError(f"the setting {key} has the wrong kind of value: {_short(value)}",
                                  "recipe-value")
        seed = top.get("seed")
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise RecipeError("the recipe needs a whole-number seed", "recipe-value")
        data = top.get("data", "bundled")
        if not isinstance(data, str):
            raise RecipeError("the recipe's data must be text: bundled, mnist, fashion or a path", "recipe-value")
        digits = top.get("digits")
        if digits is not None:
            if not isinstance(digits, list):
                raise RecipeError("the recipe's digits must be a list such as [3, 5]", "recipe-value")
            digits = _digits(digits)
        scenario = top.get("scenario")
        if scenario is not None and not isinstance(scenario, str):
            raise RecipeError("the recipe's scenario must be a name", "recipe-value")
        return cls._checked(preset, seed, settings, data, digits, scenario)

    @classmethod
    def _checked(cls, preset, seed, settings, data, digits, scenario) -> Recipe:
        if not data or len(data) > MAX_SPEC or any(ord(c) < 0x20 for c in data):
            raise RecipeError("the recipe's data is not a dataset: bundled, mnist, fashion or a path",
                              "recipe-value")
        if scenario is not None and scenario not in scenario_names():
            raise RecipeError(f"the recipe names an unknown scenario {_short(scenario)}; this GAN Studio "
                              f"knows {', '.join(scenario_names())}", "recipe-value")
        recipe = cls(preset, seed, settings, data, digits, scenario)
        try:
            recipe.config()
        except ConfigError as exc:
            raise RecipeError(f"the recipe's settings cannot be used: {exc}", "recipe-value") from None
        return recipe


def parse_recipe(text: str) -> Recipe:
    """A recipe from its line, or from the text of a recipe file (the line alone in a file, or
    the TOML form)."""
    if len(text) > MAX_FILE:
        raise RecipeError(f"this is {len(text):,} characters long, too long to be a recipe", "recipe-size")
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(PREFIX):
        return Recipe.from_line(stripped)
    if FILE_FORMAT not in text:
        raise RecipeError(f"this is not a GAN Studio recipe: a recipe is a line that starts with "
                          f"{PREFIX}{VERSION}: or a {FILE_NAME} file", "recipe-not")
    return Recipe.from_toml(text)


def read_recipe_file(path) -> Recipe:
    """The recipe in the file at `path`; a GanStudioError naming the file otherwise."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE + 1)
    except OSError as exc:
        raise GanStudioError(f"{path}: cannot read the recipe ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE:
        raise RecipeError(f"{path} is too large to be a recipe (more than {MAX_FILE // 1024} KiB)", "recipe-size")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise RecipeError(f"{path} is not UTF-8 text, so not a recipe", "recipe-not") from None
    try:
        return parse_recipe(text)
    except RecipeError as exc:
        raise RecipeError(f"{path}: {exc}", exc.code) from None


def _setting_text(value) -> str:
    """The text parse_value() reads back as `value`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return ",".join(map(str, value))
    if isinstance(value, float):
        return repr(value)   # the shortest text of the very same float
    return str(value)


def _checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _known_preset(name) -> str:
    if name is None:
        raise RecipeError("the recipe names no preset", "recipe-value")
    if not isinstance(name, str) or name not in PRESETS:
        raise RecipeError(f"the recipe names an unknown preset {_short(name)}; this GAN Studio knows "
                          f"{', '.join(PRESETS)}", "recipe-value")
    return name


def _check_keys(settings: dict) -> None:
    unknown = sorted(set(settings) - set(config_keys()) | ({"seed"} & set(settings)))
    if unknown:
        raise RecipeError(f"the recipe has unknown settings: {_short(', '.join(unknown))}", "recipe-key")


def _whole_number(text, what: str) -> int:
    if text is None or not re.fullmatch(r"-?[0-9]{1,20}", text):
        raise RecipeError(f"the recipe needs a whole-number {what}, not {_short(text)}", "recipe-value")
    return int(text)


def _digits(items) -> tuple[int, ...]:
    if len(items) > 10 or not all(isinstance(d, int) or (isinstance(d, str) and re.fullmatch("[0-9]", d))
                                  for d in items):
        raise RecipeError(f"the recipe's digits are not a list of digits 0-9: {_short(items)}", "recipe-value")
    try:
        return check_digits(int(d) for d in items)
    except GanStudioError as exc:
        raise RecipeError(f"the recipe's digits: {exc}", "recipe-value") from None


def _short(value) -> str:
    text = value if isinstance(value, str) else repr(value)
    return repr(text) if len(text) <= 40 else repr(text[:37] + "...")
