"""docs/architecture.md names every module, in a section per folder, and nothing else: a module
added, moved or removed without the doc fails here, so the doc cannot drift from the code."""

import re

from support import REPO as ROOT

PACKAGE = ROOT / "ganstudio"
DOC = ROOT / "docs" / "architecture.md"


def documented() -> dict[str, set[str]]:
    """Folder (relative to the repository) -> the module names its section's table lists."""
    sections, folder = {}, None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = re.fullmatch(r"### `(ganstudio/[\w/]*)`", line.strip())
        if heading:
            folder = heading.group(1).rstrip("/")
            sections[folder] = set()
        elif folder and (row := re.match(r"\| `([\w.]+\.py)` \|", line)):
            sections[folder].add(row.group(1))
    return sections


def modules() -> dict[str, set[str]]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        folder = path.parent.relative_to(ROOT).as_posix()
        if path.name == "__init__.py" and path.parent != PACKAGE:
            continue   # a package's own docstring says what it is
        found.setdefault(folder, set()).add(path.name)
    return found


def test_every_folder_of_modules_has_a_section_and_no_section_is_stale():
    assert sorted(documented()) == sorted(modules())


def test_each_section_names_exactly_the_modules_in_its_folder():
    doc, code = documented(), modules()
    for folder in code:
        missing, stale = code[folder] - doc.get(folder, set()), doc.get(folder, set()) - code[folder]
        assert not missing, f"docs/architecture.md does not name {sorted(missing)} in {folder}/"
        assert not stale, f"docs/architecture.md names {sorted(stale)} that {folder}/ does not hold"


def test_every_package_says_what_it_is_and_may_import():
    for init in PACKAGE.rglob("__init__.py"):
        text = init.read_text(encoding="utf-8").strip()
        assert text.startswith('"""'), f"{init.relative_to(ROOT)} has no docstring"


def test_every_source_path_the_docs_name_exists():
    """A path such as `ganstudio/core/gan/classic.py` or `tests/test_x.py` in the README or docs/
    points at a file that is there (a move that forgets the docs fails here)."""
    pattern = re.compile(r"\b((?:ganstudio|tests|benchmarks|packaging)/[\w/.-]*\w\.(?:py|sh|json|md))\b")
    stale = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for path in pattern.findall(doc.read_text(encoding="utf-8")):
            if not (ROOT / path).exists():
                stale.append(f"{doc.name}: {path}")
    assert not stale, stale
