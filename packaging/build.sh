#!/usr/bin/env bash
# Builds GAN Studio's one-folder app, its tarball and (where dpkg-deb exists) its .deb into dist/:
#   dist/ganstudio-<version>-linux-x86_64/      the app (run ./ganstudio inside it)
#   dist/ganstudio-<version>-linux-x86_64.tar.xz
#   dist/ganstudio_<version>_amd64.deb          (packaging/deb.sh)
# Run from anywhere. Uses `python` from PATH, or $PYTHON, to make (or reuse) a build venv
# under build/, so the build never touches the Python it was started with.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python}"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' ganstudio/__init__.py)"
[[ -n "$VERSION" ]] || { echo "build.sh: no __version__ in ganstudio/__init__.py" >&2; exit 1; }
PLATFORM="$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)"
NAME="ganstudio-$VERSION-$PLATFORM"
VENV="$ROOT/build/venv"
WORK="$ROOT/build/pyinstaller"

if [[ ! -x "$VENV/bin/python" ]]; then
    echo "== creating the build venv in build/venv with $("$PYTHON" --version 2>&1)"
    "$PYTHON" -m venv "$VENV"
fi
echo "== installing GAN Studio and the pinned build tools"
"$VENV/bin/python" -m pip install --quiet -r packaging/requirements.txt
# --force-reinstall --no-deps: a reused venv must freeze this checkout, not an older install
# of the same version number.
# With the `export` extra (onnx, safetensors): File > Export model and `ganstudio export` /
# `import` work in the packaged app too (docs/packaging.md has the size it costs).
"$VENV/bin/python" -m pip install --quiet ".[export]"
"$VENV/bin/python" -m pip install --quiet --no-deps --force-reinstall .

echo "== freezing with PyInstaller"
# Run from build/: the analysis must import the installed package, not the checkout's source.
(cd "$ROOT/build" && "$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$WORK/dist" --workpath "$WORK/work" "$ROOT/packaging/ganstudio.spec")

mkdir -p dist
rm -rf "dist/$NAME" "dist/$NAME".tar.*
mv "$WORK/dist/ganstudio" "dist/$NAME"
# xz: 27 % smaller than gzip, smaller and no slower than zstd -19, and every tar reads it
# (docs/packaging.md has the measurements).
echo "== packing dist/$NAME.tar.xz"
tar -C dist -cf - "$NAME" | xz -T0 -6 >"dist/$NAME.tar.xz"
echo "built dist/$NAME ($(du -sh "dist/$NAME" | cut -f1)) and dist/$NAME.tar.xz ($(du -h "dist/$NAME.tar.xz" | cut -f1))"

if command -v dpkg-deb >/dev/null && command -v dpkg >/dev/null; then
    packaging/deb.sh
else
    echo "skip: the .deb (dpkg-deb not found; it needs a Debian or Ubuntu build machine)"
fi
