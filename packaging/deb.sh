#!/usr/bin/env bash
# Builds dist/ganstudio_<version>_<arch>.deb from the one-folder app that build.sh made:
#   /opt/ganstudio/                       the app folder, as built
#   /usr/bin/ganstudio                    -> /opt/ganstudio/ganstudio (window and command line)
#   /usr/share/applications/<id>.desktop, /usr/share/metainfo/<id>.metainfo.xml
#   /usr/share/icons/hicolor/{scalable,NxN}/apps/<id>.{svg,png}
#   /usr/share/doc/ganstudio/copyright    (+ licenses/: the full texts of what is bundled)
# Depends: computed from what the frozen files link against (packaging/linux/depends.py).
# No maintainer scripts: dpkg's triggers refresh the icon cache and the menu, and everything
# the package installs is in its file list, so removing it leaves nothing behind.
# Needs dpkg-deb, dpkg, ldd and objdump (Debian and Ubuntu have them all).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
APP_ID="org.ganstudio.GANStudio"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' ganstudio/__init__.py)"
ARCH="$(dpkg --print-architecture)"
APP="dist/ganstudio-$VERSION-$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)"
VENV_PYTHON="$ROOT/build/venv/bin/python"
# xz at its default level: the smallest package, and fast enough with one thread per core
# (measured in docs/packaging.md); dpkg on Debian 12 and Ubuntu 22.04 read it.
COMPRESSOR="${DEB_COMPRESSOR:-xz}"
[[ -x "$APP/ganstudio" ]] || { echo "deb.sh: no app in $APP; run packaging/build.sh first" >&2; exit 1; }

STAGE="$ROOT/build/deb/ganstudio_${VERSION}_$ARCH"
DEB="dist/ganstudio_${VERSION}_$ARCH.deb"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/metainfo" "$STAGE/usr/share/doc/ganstudio" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps"

echo "== staging the package tree"
cp -a "$APP" "$STAGE/opt/ganstudio"
# The bootloader finds its _internal/ through /proc/self/exe, so a symlink is enough.
ln -s /opt/ganstudio/ganstudio "$STAGE/usr/bin/ganstudio"
install -m 644 "packaging/linux/$APP_ID.desktop" "$STAGE/usr/share/applications/"
install -m 644 "packaging/linux/$APP_ID.metainfo.xml" "$STAGE/usr/share/metainfo/"
install -m 644 assets/icon/ganstudio.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
"$VENV_PYTHON" packaging/render_icons.py "$ROOT/build/deb/icons"
for png in "$ROOT"/build/deb/icons/*.png; do
    size="$(basename "$png" .png)"
    install -D -m 644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
"$VENV_PYTHON" packaging/linux/licences.py "$APP" "$STAGE/usr/share/doc/ganstudio"

echo "== computing Depends from the frozen libraries"
DEPENDS="$(python3 packaging/linux/depends.py "$APP")"
INSTALLED_KB="$(du -sk --apparent-size "$STAGE" | cut -f1)"
cat >"$STAGE/DEBIAN/control" <<EOF
Package: ganstudio
Version: $VERSION
Architecture: $ARCH
Maintainer: The GAN Studio developers <maintainers@users.noreply.r-seed-e20b6691.example>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Section: education
Priority: optional
Description: watch a neural network learn to draw handwritten digits
 GAN Studio trains a generative adversarial network on handwritten digits,
 live, on an ordinary laptop processor, and shows it learning: the digits
 the generator draws, the discriminator's verdicts converging towards one
 half, and the losses. It teaches the classic 2014 algorithm step by step,
 and modern presets that draw crisp digits in seconds. It works offline:
 10,000 real MNIST digits come with it. The one program is both the window
 (ganstudio) and a command line (ganstudio --help).
EOF
echo "Depends: $DEPENDS"

echo "== packing $DEB ($COMPRESSOR)"
mkdir -p dist
rm -f "$DEB"
# --root-owner-group: files owned by root in the package whoever builds it; xz uses every core.
dpkg-deb --root-owner-group -Z"$COMPRESSOR" --threads-max="$(nproc)" --build "$STAGE" "$DEB" >/dev/null
echo "built $DEB ($(du -h "$DEB" | cut -f1); installed $((INSTALLED_KB / 1024)) MB)"
