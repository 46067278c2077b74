"""Computes the .deb's `Depends:` from what the frozen app actually links against.

Usage: python packaging/linux/depends.py APP_DIR   (prints the Depends value on stdout)

Every ELF file in the one-folder app is run through `ldd` with the folder's own libraries first
on the search path, as the PyInstaller bootloader arranges at run time. A library found inside
the folder is bundled and needs nothing. One found on the build machine is mapped to its Debian
package with `dpkg -S`. One not found here (a plugin for a desktop the build machine lacks, such
as Wayland's cursor library) must be in NOT_ON_BUILD_HOST below, or the build stops: a new
dependency never slips into the package unnoticed.

libc6 gets a lower bound from the newest GLIBC_x.y symbol version any file asks for; the build
stops when that is newer than OLDEST_GLIBC, the C library of the oldest system we promise
(Ubuntu 22.04), because the app would not start there.
"""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from pathlib import Path

# soname -> Debian package, for libraries a stock desktop has but a build machine may not.
# Package names are the Debian 12 / Ubuntu 22.04 ones; Ubuntu 24.04's "t64" renames provide them.
NOT_ON_BUILD_HOST = {
    "libwayland-cursor.so.0": "libwayland-cursor0",   # Qt's Wayland platform plugin
    "libwayland-egl.so.1": "libwayland-egl1",
    "libwayland-client.so.0": "libwayland-client0",
}
OLDEST_GLIBC = (2, 35)   # Ubuntu 22.04; Debian 12 has 2.36
# Packages every system has, pulled in by others anyway; listing them adds nothing.
IMPLIED = {"libglvnd0"}


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def linked(path: Path, search: str) -> list[tuple[str, str | None]]:
    """(soname, resolved path or None when not found) for each library `path` needs."""
    result = subprocess.run(["ldd", str(path)], capture_output=True, text=True,
                            env={"LD_LIBRARY_PATH": search, "PATH": "/usr/bin:/bin"})
    pairs = []
    for line in result.stdout.splitlines():
        match = re.match(r"\s*(\S+) => (not found|(\S+))", line)
        if match:
            pairs.append((match.group(1), match.group(3)))
    return pairs


@functools.cache   # a dozen system libraries, each needed by hundreds of files
def owning_package(library: str) -> str | None:
    path = Path(library)
    candidates = [str(path), str(path.resolve())]
    # Merged /usr: dpkg may know the file under /lib or under /usr/lib.
    candidates += [c[4:] if c.startswith("/usr/") else "/usr" + c for c in list(candidates)]
    for candidate in candidates:
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    return None


def newest_glibc(files: list[Path]) -> tuple[int, ...]:
    newest: tuple[int, ...] = (0,)
    for path in files:
        result = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True)
        for version in re.findall(r"GLIBC_(\d+(?:\.\d+)+)", result.stdout):
            newest = max(newest, tuple(int(part) for part in version.split(".")))
    return newest


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: depends.py APP_DIR", file=sys.stderr)
        return 2
    folder = Path(argv[0]).resolve()
    files = elf_files(folder)
    search = f"{folder / '_internal'}"
    packages: set[str] = set()
    unknown: list[str] = []
    for path in files:
        for soname, resolved in linked(path, search):
            if resolved is None:
                if soname in NOT_ON_BUILD_HOST:
                    packages.add(NOT_ON_BUILD_HOST[soname])
                else:
                    unknown.append(f"{soname} (needed by {path.relative_to(folder)}; not found here)")
            elif not Path(resolved).resolve().is_relative_to(folder):
                package = owning_package(resolved)
                if package is None:
                    unknown.append(f"{resolved} (needed by {path.relative_to(folder)}; no package owns it)")
                else:
                    packages.add(package.split(":")[0])
    if unknown:
        print("depends.py: cannot tell which package provides:\n  " + "\n  ".join(sorted(set(unknown))),
              file=sys.stderr)
        return 1
    glibc = newest_glibc(files)
    if glibc > OLDEST_GLIBC:
        print(f"depends.py: the app needs glibc {'.'.join(map(str, glibc))}, newer than "
              f"{'.'.join(map(str, OLDEST_GLIBC))} (Ubuntu 22.04); leave the library that asks for it "
              f"to the system (packaging/ganstudio.spec, FROM_SYSTEM)", file=sys.stderr)
        return 1
    packages -= IMPLIED
    packages.discard("libc6")
    depends = [f"libc6 (>= {'.'.join(map(str, glibc))})"] + sorted(packages)
    print(", ".join(depends))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
