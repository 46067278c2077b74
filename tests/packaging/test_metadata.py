"""The package's metadata claims only what is true: a PEP 639 licence expression with the files
that carry the licences (the code's and the bundled digits'), the Pythons and systems CI runs on,
and the packaging what the packaging scripts do."""

import re

import pytest

from support import REPO

tomllib = pytest.importorskip("tomllib", reason="tomllib is Python 3.11's")

PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
TESTED_PYTHONS = {"3.11"}   # .ci/run's python; add one here only when CI runs it


def test_the_licence_is_a_pep_639_expression_with_its_files():
    project = PROJECT["project"]
    assert project["license"] == "MIT"
    assert {"LICENSE", "assets/README.md"} <= set(project["license-files"])
    for name in project["license-files"]:
        assert (REPO / name).is_file(), name
    assert "CC BY-SA 3.0" in (REPO / "assets" / "README.md").read_text(encoding="utf-8")
    # PEP 639: no licence classifiers beside an expression; hatchling supports it from 1.27
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]
    (backend,) = PROJECT["build-system"]["requires"]
    assert re.fullmatch(r"hatchling>=1\.(2[7-9]|[3-9]\d)(\.\d+)?", backend)


def test_the_classifiers_claim_only_what_is_tested():
    classifiers = PROJECT["project"]["classifiers"]
    versions = {c.rsplit(" :: ", 1)[1] for c in classifiers
                if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)}
    assert versions == TESTED_PYTHONS
    assert "Operating System :: OS Independent" not in classifiers
    assert not [c for c in classifiers if "Windows" in c or "MacOS" in c]
    assert any(re.search(r"python -m pytest", line) for line in (REPO / ".ci" / "run").read_text().splitlines())


def test_every_packaged_build_installs_the_export_extra():
    assert '".[export]"' in (REPO / "packaging" / "build.sh").read_text()
    workflow = (REPO / ".github" / "workflows" / "desktop.yml").read_text()
    installs = [line for line in workflow.splitlines() if "pip install" in line and "requirements.txt" not in line]
    assert installs and all(".[export]" in line for line in installs)
    assert "--format onnx" in (REPO / "packaging" / "smoke.sh").read_text()


def test_the_docs_say_when_the_portal_theme_is_used():
    text = (REPO / "docs" / "packaging.md").read_text(encoding="utf-8")
    assert "QT_QPA_PLATFORMTHEME=xdgdesktopportal" in text
    assert "portal theme, kept, gives native file dialogs" not in text.replace("\n  ", " ")
