#!/usr/bin/env bash
# Builds GAN Studio's one-folder app and its tarball into dist/:
#   dist/ganstudio-<version>-linux-x86_64/      the app (run ./ganstudio inside it)
#   dist/ganstudio-<version>-linux-x86_64.tar.gz
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
"$VENV/bin/python" -m pip install --quiet .
"$VENV/bin/python" -m pip install --quiet --no-deps --force-reinstall .

echo "== freezing with PyInstaller"
# Run from build/: the analysis must import the installed package, not the checkout's source.
(cd "$ROOT/build" && "$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$WORK/dist" --workpath "$WORK/work" "$ROOT/packaging/ganstudio.spec")

mkdir -p dist
rm -rf "dist/$NAME" "dist/$NAME.tar.gz"
mv "$WORK/dist/ganstudio" "dist/$NAME"
echo "== packing dist/$NAME.tar.gz"
tar -C dist -czf "dist/$NAME.tar.gz" "$NAME"
echo "built dist/$NAME ($(du -sh "dist/$NAME" | cut -f1)) and dist/$NAME.tar.gz ($(du -h "dist/$NAME.tar.gz" | cut -f1))"
