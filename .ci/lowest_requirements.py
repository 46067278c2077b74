"""The lowest versions pyproject.toml allows, for .ci/run's lowest-versions step.

    python .ci/lowest_requirements.py --python     the lowest Python requires-python allows (3.10)
    python .ci/lowest_requirements.py 3.10         pip constraints: NAME==FLOOR for each run-time
                                                   dependency that applies on that Python

Read from pyproject.toml itself, so a floor raised there is the floor tested. A dependency with
no lower bound stops the step: a floor nobody tests is no floor. Needs Python 3.11 (tomllib)
and `packaging` (installed with pytest); it is run by CI's main Python, for the other one.
"""

from __future__ import annotations

import sys
from pathlib import Path

import tomllib
from packaging.requirements import Requirement
from packaging.version import Version

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def project() -> dict:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]


def floor(specifier) -> Version | None:
    """The least version a specifier set allows (its >=, ~= or == bound), or None."""
    bounds = [Version(s.version) for s in specifier if s.operator in (">=", "~=", "==")]
    return max(bounds) if bounds else None


def lowest_python() -> str:
    (bound,) = [s for s in Requirement(f"python{project()['requires-python']}").specifier if s.operator == ">="]
    return bound.version


def constraints(python: str) -> list[str]:
    environment = {"python_version": python, "python_full_version": f"{python}.0"}
    pins = []
    for line in project()["dependencies"]:
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate(environment):
            continue
        least = floor(requirement.specifier)
        if least is None:
            raise SystemExit(f"lowest_requirements.py: {requirement.name} has no lower bound in pyproject.toml")
        pins.append(f"{requirement.name}=={least}")
    return pins


def main(argv: list[str]) -> int:
    if argv == ["--python"]:
        print(lowest_python())
        return 0
    if len(argv) != 1:
        print("usage: lowest_requirements.py --python | PYTHON_VERSION", file=sys.stderr)
        return 2
    print("\n".join(constraints(argv[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
