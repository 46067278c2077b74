"""The package's metadata claims only what is true: a PEP 639 licence expression with the files
that carry the licences (the code's and the bundled digits'), the Pythons and systems CI runs on,
and the packaging what the packaging scripts do."""

import re

import pytest

from support import REPO

tomllib = pytest.importorskip("tomllib", reason="tomllib is Python 3.11's")

PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
# .ci/run's Pythons: 3.11 runs the README's command, 3.10 the lowest-versions step; add one
# here only when CI runs it.
TESTED_PYTHONS = {"3.10", "3.11", "3.13"}
CI = (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_the_licence_is_a_pep_639_expression_with_its_files():
    project = PROJECT["project"]
    assert project["license"] == "MIT AND CC-BY-SA-3.0"
    assert {"LICENSE", "assets/README.md"} <= set(project["license-files"])
    for name in project["license-files"]:
        assert (REPO / name).is_file(), name
    assert "CC BY-SA 3.0" in (REPO / "assets" / "README.md").read_text(encoding="utf-8")
    # PEP 639: no licence classifiers beside an expression; hatchling supports it from 1.27
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]
    (backend,) = PROJECT["build-system"]["requires"]
    assert re.fullmatch(r"hatchling>=1\.(2[7-9]|[3-9]\d)(\.\d+)?", backend)


def test_the_licence_expression_names_the_licences_of_what_the_wheel_ships():
    """The wheel ships the package and assets/ (as ganstudio/_assets): the licences the .deb's
    copyright file gives those same files are the expression's, no more and no fewer."""
    ids = set(PROJECT["project"]["license"].split(" AND "))
    paragraphs = (REPO / "packaging" / "linux" / "copyright.in").read_text(encoding="utf-8").split("\n\n")
    shipped = set()
    for paragraph in paragraphs:
        files = re.search(r"^Files:(.*?)^(?=\S)", paragraph + "\nEnd", re.S | re.M)
        licence = re.search(r"^License: (\S+)", paragraph, re.M)
        if files and licence and "opt/ganstudio/_internal/ganstudio/" in files.group(1):
            shipped.add(licence.group(1))
    assert shipped == ids == {"MIT", "CC-BY-SA-3.0"}
    assets = (REPO / "assets" / "README.md").read_text(encoding="utf-8")
    assert "CC BY-SA 3.0" in assets and "MIT" in assets
    assert not list((REPO / "assets").rglob("*.ttf")) and not list((REPO / "assets").rglob("*.otf"))   # no fonts


def test_the_debs_licence_texts_include_the_files_the_metadata_declares():
    """packaging/linux/licences.py copies PEP 639's License-File entries too: assets/README.md
    carries the digits' licence but is named like no licence file."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("licences", REPO / "packaging" / "linux" / "licences.py")
    licences = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(licences)

    class Dist:
        metadata = {"License-File": None}
        files = ["ganstudio/__init__.py", "ganstudio/_assets/README.md",
                 "ganstudio-1.0.dist-info/METADATA", "ganstudio-1.0.dist-info/licenses/LICENSE",
                 "ganstudio-1.0.dist-info/licenses/assets/README.md"]

    class Metadata(dict):
        def get_all(self, key):
            return ["LICENSE", "assets/README.md"] if key == "License-File" else None

    Dist.metadata = Metadata()
    assert [str(f) for f in licences.licence_files(Dist())] == [
        "ganstudio-1.0.dist-info/licenses/LICENSE", "ganstudio-1.0.dist-info/licenses/assets/README.md"]


def test_ci_runs_the_lowest_versions_on_the_lowest_python():
    import subprocess
    import sys

    script = REPO / ".ci" / "lowest_requirements.py"

    def run(*args):
        return subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True,
                              check=True).stdout.split()
    (lowest,) = run("--python")
    assert lowest == PROJECT["project"]["requires-python"].removeprefix(">=") == min(TESTED_PYTHONS)
    pins = dict(line.split("==") for line in run(lowest))
    assert pins == {"numpy": "1.24", "PySide6-Essentials": "6.6", "pyqtgraph": "0.13.4", "pillow": "10.1",
                    "platformdirs": "3.0"}
    assert "lowest_requirements.py --python" in CI and '-c "$lowest_venv/constraints.txt"' in CI
    assert '"$lowest_venv/bin/python" -m pytest' in CI


def test_the_classifiers_claim_only_what_is_tested():
    classifiers = PROJECT["project"]["classifiers"]
    versions = {c.rsplit(" :: ", 1)[1] for c in classifiers
                if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)}
    assert versions == TESTED_PYTHONS
    assert "Operating System :: OS Independent" not in classifiers
    assert not [c for c in classifiers if "Windows" in c or "MacOS" in c]
    assert any(re.search(r"python -m pytest", line) for line in CI.splitlines())
    assert re.search(r"^NEWEST_PYTHON=(3\.\d+)$", CI, re.MULTILINE).group(1) == max(TESTED_PYTHONS, key=lambda v: int(v[2:]))


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
