"""The small part of TOML a recipe file uses, written and read here on every Python version
(tomllib arrived in 3.11; GAN Studio supports 3.10, and one reader on every version reads every
file the same way).

The subset: `key = value` lines, `# comments`, and `[table]` headers one level deep; a value is
a basic string ("..." with the escapes \\" \\\\ \\n \\t \\uXXXX), an integer, a float, true or
false, or a one-line array of integers. Everything the writer writes is valid TOML, so any TOML
tool reads it; the reader refuses, with one line naming the line number, everything else (inline
tables, nested arrays, multi-line strings): hand edits in the subset are fine, anything else is
one clear error, never a guess. Bounded: at most `MAX_LINES` lines of `MAX_LINE` characters.
"""

from __future__ import annotations

import math
import re

MAX_LINES = 400
MAX_LINE = 5000
MAX_ARRAY = 64

_KEY = re.compile(r"[A-Za-z0-9_-]+\Z")
_INT = re.compile(r"[+-]?(0|[1-9](_?[0-9])*)\Z")
_FLOAT = re.compile(r"[+-]?(0|[1-9](_?[0-9])*)(\.[0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?\Z")
_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}


class TomlError(ValueError):
    """The text is not in the subset; the message names the line."""


def write_toml(top: dict, tables: dict[str, dict], header: str = "") -> str:
    """`header` lines as comments, then `top`'s keys, then each table. Values: str, bool, int,
    float (finite), or a tuple/list of ints."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines += [f"{key} = {_value_text(value)}" for key, value in top.items()]
    for name, table in tables.items():
        lines += ["", f"[{name}]"] + [f"{key} = {_value_text(value)}" for key, value in table.items()]
    return "\n".join(lines) + "\n"


def _value_text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} has no place in a recipe")
        text = repr(value)   # the shortest text that reads back as the very same float
        return text if ("." in text or "e" in text) else text + ".0"
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(str(int(v)) for v in value) + "]"
    return '"' + "".join(_escape(c) for c in str(value)) + '"'


def _escape(char: str) -> str:
    if char in '"\\':
        return "\\" + char
    if char == "\n":
        return "\\n"
    if char == "\t":
        return "\\t"
    if ord(char) < 0x20 or ord(char) == 0x7F:
        return f"\\u{ord(char):04X}"
    return char


def read_toml(text: str) -> tuple[dict, dict[str, dict]]:
    """(top-level keys, {table name: keys}) of a document in the subset; TomlError otherwise."""
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        raise TomlError(f"it has more than {MAX_LINES} lines")
    top: dict = {}
    tables: dict[str, dict] = {}
    current = top
    for number, raw in enumerate(lines, 1):
        if len(raw) > MAX_LINE:
            raise TomlError(f"line {number} is longer than {MAX_LINE} characters")
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            name = _table_name(line, number)
            if name in tables:
                raise TomlError(f"line {number}: the table [{name}] appears twice")
            current = tables[name] = {}
            continue
        key, sep, rest = line.partition("=")
        key = key.strip()
        if not sep or not _KEY.match(key):
            raise TomlError(f"line {number} is not `key = value`")
        if key in current:
            raise TomlError(f"line {number}: {key} is given twice")
        current[key] = _parse_value(rest.strip(), number)
    return top, tables


def _table_name(line: str, number: int) -> str:
    body = _without_comment(line, number)
    if not (body.startswith("[") and body.endswith("]")) or body.startswith("[["):
        raise TomlError(f"line {number} is not a [table] header")
    name = body[1:-1].strip()
    if not _KEY.match(name):
        raise TomlError(f"line {number}: [{name[:40]}] is not a simple table name")
    return name


def _parse_value(text: str, number: int):
    if text.startswith('"'):
        value, rest = _parse_string(text, number)
        if _without_comment(rest, number):
            raise TomlError(f"line {number}: unexpected text after the string")
        return value
    body = _without_comment(text, number)
    if body in ("true", "false"):
        return body == "true"
    if body.startswith("["):
        if not body.endswith("]"):
            raise TomlError(f"line {number}: an array must close on its own line")
        items = [item.strip() for item in body[1:-1].split(",")]
        if items and items[-1] == "":
            items.pop()   # a trailing comma
        if len(items) > MAX_ARRAY:
            raise TomlError(f"line {number}: an array of more than {MAX_ARRAY} values")
        if not all(_INT.match(item) for item in items):
            raise TomlError(f"line {number}: only arrays of whole numbers are read here")
        return [int(item.replace("_", "")) for item in items]
    if _INT.match(body):
        return int(body.replace("_", ""))
    if _FLOAT.match(body):
        return float(body.replace("_", ""))
    raise TomlError(f"line {number}: {body[:40]!r} is not a string, number, true/false or array")


def _parse_string(text: str, number: int) -> tuple[str, str]:
    """The basic string at the start of `text` and what follows it."""
    out, i = [], 1
    while i < len(text):
        char = text[i]
        if char == '"':
            return "".join(out), text[i + 1:]
        if char == "\\":
            code = text[i + 1:i + 2]
            if code in _ESCAPES:
                out.append(_ESCAPES[code])
                i += 2
                continue
            if code == "u" and re.fullmatch(r"[0-9A-Fa-f]{4}", text[i + 2:i + 6]):
                value = int(text[i + 2:i + 6], 16)
                if 0xD800 <= value <= 0xDFFF:
                    raise TomlError(f"line {number}: \\u{value:04X} is not a character")
                out.append(chr(value))
                i += 6
                continue
            raise TomlError(f"line {number}: an unknown escape in a string")
        if ord(char) < 0x20 and char != "\t":
            raise TomlError(f"line {number}: a control character in a string")
        out.append(char)
        i += 1
    raise TomlError(f"line {number}: a string that does not end")


def _without_comment(text: str, number: int) -> str:
    body = text.split("#", 1)[0].strip()
    if '"' in body:
        raise TomlError(f"line {number}: unexpected quote")
    return body
