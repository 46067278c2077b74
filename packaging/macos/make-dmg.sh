#!/usr/bin/env bash
# Wraps the frozen "GAN Studio.app" (PyInstaller, packaging/ganstudio.spec) in a compressed
# disk image with an Applications link to drag it onto. macOS only (hdiutil).
# Usage: packaging/macos/make-dmg.sh VERSION
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION="$1"
APP="$ROOT/build/pyinstaller/dist/GAN Studio.app"
[[ -d "$APP" ]] || { echo "make-dmg.sh: no $APP; freeze the app first" >&2; exit 1; }
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
mkdir -p "$ROOT/dist"
hdiutil create -volname "GAN Studio $VERSION" -srcfolder "$STAGE" -format UDZO -ov \
    "$ROOT/dist/ganstudio-$VERSION-macos-$(uname -m).dmg"
