"""Gathers the licence texts of everything the one-folder app bundles into a package's doc
folder, and writes its machine-readable `copyright` file.

Usage: <build venv>/bin/python packaging/linux/licences.py APP_DIR DOC_DIR
(run by the build venv's Python: it reads the frozen packages' metadata there), or
       python packaging/linux/licences.py --python-only DOC_DIR
(the Windows and macOS builds: the Python packages' licence texts and copyright.in, no Debian)

- copyright.in (next to this file), written by hand, names the licence of the app and of each
  bundled Python package;
- GAN Studio's run-time Python distributions get their own licence files copied to
  DOC_DIR/licenses/python/<name>/;
- every shared library PyInstaller copied from the build machine (not from a wheel) is traced,
  by content, to the Debian package that installed it, whose /usr/share/doc/<package>/copyright
  is copied to DOC_DIR/licenses/debian/<package>, with a paragraph per package in `copyright`.
"""

from __future__ import annotations

import filecmp
import fnmatch
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement  # installed with PyInstaller
from packaging.utils import canonicalize_name

HERE = Path(__file__).resolve().parent
BUNDLED_EXTRAS = ("", "export")   # packaging/build.sh installs ganstudio[export]
LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)


def runtime_distributions() -> list[metadata.Distribution]:
    """GAN Studio and everything it needs at run time (with the extras the build bundles), from
    the build venv."""
    seen: dict[str, metadata.Distribution] = {}
    todo = ["ganstudio"]
    while todo:
        name = canonicalize_name(todo.pop())
        if name in seen:
            continue
        seen[name] = metadata.distribution(name)
        extras = BUNDLED_EXTRAS if name == "ganstudio" else ("",)
        for line in seen[name].requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or any(requirement.marker.evaluate({"extra": e}) for e in extras):
                todo.append(requirement.name)
    return list(seen.values())


def licence_files(dist) -> list:
    """A distribution's licence files under its .dist-info: those named like one, and those its
    metadata declares (PEP 639's License-File, kept under .dist-info/licenses/; GAN Studio's own
    assets/README.md, which carries the bundled digits' CC BY-SA 3.0, is named like no licence)."""
    declared = {f"licenses/{name}" for name in dist.metadata.get_all("License-File") or []}
    found = []
    for file in dist.files or []:
        parts = Path(str(file)).parts
        inside = [i for i, part in enumerate(parts) if part.endswith(".dist-info")]
        if not inside:
            continue
        relative = "/".join(parts[inside[0] + 1:])
        if LICENCE_FILE.search(Path(str(file)).name) or relative in declared:
            found.append(file)
    return found


def python_licences(out: Path) -> list[str]:
    copied = []
    for dist in runtime_distributions():
        files = licence_files(dist)
        if not files:
            continue   # PySide6/shiboken6 wheels carry none: copyright.in points to the LGPL
        target = out / canonicalize_name(dist.metadata["Name"])
        target.mkdir(parents=True, exist_ok=True)
        for file in files:
            # Keep the layout under .dist-info: NumPy has a LICENSE.txt per bundled library.
            inside = Path(*file.parts[[p.endswith(".dist-info") for p in file.parts].index(True) + 1:])
            (target / inside).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(dist.locate_file(file), target / inside)
        copied.append(target.name)
    return copied


def host_libraries(app: Path) -> dict[str, list[str]]:
    """Debian package -> bundled libraries that are byte-identical copies of its files.
    A bundled library that is neither that nor named by copyright.in stops the build."""
    site = Path(metadata.distribution("numpy").locate_file(""))
    from_wheels = {p.name for p in site.rglob("*.so*")}
    covered = [pattern.rsplit("/", 1)[-1] for pattern in
               re.findall(r"opt/ganstudio/_internal/(\S+)", (HERE / "copyright.in").read_text())]
    system_copies, unknown = {}, []
    for library in sorted((app / "_internal").glob("lib*.so*")):
        if library.name in from_wheels:
            continue
        found = [*Path("/lib").glob(f"*/{library.name}"), *Path("/usr/lib").glob(f"*/{library.name}")]
        twins = [c for c in found if filecmp.cmp(c, library, shallow=False)]
        for twin in twins:   # /lib and /usr/lib are one folder (merged /usr); dpkg knows one
            system_copies[str(twin)] = library.name
        if not twins and not any(fnmatch.fnmatch(library.name, pattern) for pattern in covered):
            unknown.append(library.name)
    if unknown:
        raise SystemExit("licences.py: where do these bundled libraries come from? " + ", ".join(unknown))
    packages: dict[str, list[str]] = {}
    if system_copies:
        result = subprocess.run(["dpkg", "-S", *system_copies], capture_output=True, text=True)
        for line in result.stdout.splitlines():
            owner, _, path = line.partition(": ")
            if path in system_copies:
                packages.setdefault(owner.split(":")[0], []).append(system_copies[path])
    orphans = set(system_copies.values()) - {name for names in packages.values() for name in names}
    if orphans:
        raise SystemExit("licences.py: no Debian package owns " + ", ".join(sorted(orphans)))
    return {package: sorted(set(names)) for package, names in sorted(packages.items())}


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--python-only":
        doc = Path(argv[1]).resolve()
        python = python_licences(doc / "licenses" / "python")
        shutil.copyfile(HERE / "copyright.in", doc / "copyright.txt")
        print(f"licences: {len(python)} Python packages")
        return 0
    if len(argv) != 2:
        print("usage: licences.py APP_DIR DOC_DIR | --python-only DOC_DIR", file=sys.stderr)
        return 2
    app, doc = (Path(a).resolve() for a in argv)
    python = python_licences(doc / "licenses" / "python")
    paragraphs = []
    for package, libraries in host_libraries(app).items():
        version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                                 capture_output=True, text=True).stdout.strip()
        text = Path("/usr/share/doc") / package / "copyright"
        if text.exists():
            (doc / "licenses" / "debian").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(text, doc / "licenses" / "debian" / package)
        files = " ".join(f"opt/ganstudio/_internal/{name}" for name in libraries)
        paragraphs.append(
            f"Files: {files}\nCopyright: see licenses/debian/{package}\nLicense: other\n"
            f"Comment: from the Debian package {package} {version}, copied into the app by "
            f"PyInstaller; its copyright file is installed as "
            f"/usr/share/doc/ganstudio/licenses/debian/{package}.\n")
    header = (HERE / "copyright.in").read_text()
    doc.mkdir(parents=True, exist_ok=True)
    (doc / "copyright").write_text(header.rstrip("\n") + "\n\n" + "\n".join(paragraphs))
    print(f"licences: {len(python)} Python packages, {len(paragraphs)} Debian packages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
