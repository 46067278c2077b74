#!/usr/bin/env bash
# Checks the .deb as a user's system would meet it: its contents, its desktop entry and
# AppStream metadata, then (as root) installs it, runs the installed app's selftest, checks
# nothing it links against is missing, purges it and checks nothing is left behind.
# A step whose tool is missing is skipped with a line saying so; any failure exits non-zero.
# Usage: packaging/deb-check.sh [dist/ganstudio_<version>_<arch>.deb]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_ID="org.ganstudio.GANStudio"
if [[ $# -gt 0 ]]; then
    DEB="$1"
else
    shopt -s nullglob
    found=("$ROOT"/dist/ganstudio_*.deb)
    [[ ${#found[@]} -eq 1 ]] || { echo "deb-check.sh: expected one .deb in dist/, found ${#found[@]}" >&2; exit 2; }
    DEB="${found[0]}"
fi
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
failed=0
ok()   { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failed=1; }
skip() { printf 'skip  %s\n' "$*"; }
has()  { command -v "$1" >/dev/null 2>&1; }

# 1. Contents: the paths a desktop looks for are there.
dpkg-deb -c "$DEB" | awk '{print $6}' | sed 's#^\./#/#' >"$SCRATCH/contents"
for path in /opt/ganstudio/ganstudio /usr/bin/ganstudio "/usr/share/applications/$APP_ID.desktop" \
            "/usr/share/metainfo/$APP_ID.metainfo.xml" "/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" \
            "/usr/share/icons/hicolor/256x256/apps/$APP_ID.png" /usr/share/doc/ganstudio/copyright; do
    grep -qx "$path" "$SCRATCH/contents" || fail "contents: $path missing"
done
ok "contents: $(wc -l <"$SCRATCH/contents") paths; $(du -h "$DEB" | cut -f1) package"
dpkg-deb -x "$DEB" "$SCRATCH/tree"

# 2. The desktop entry and the AppStream metadata, as validators see them. A CI machine run as
# root fetches the validators from the Debian archive if they are missing (and says so).
for tool in desktop-file-validate:desktop-file-utils appstreamcli:appstream; do
    if ! has "${tool%%:*}" && [[ "$(id -u)" -eq 0 ]] && has apt-get; then
        echo "note  installing ${tool##*:} for ${tool%%:*}"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${tool##*:}" >/dev/null 2>&1 || true
    fi
done
if has desktop-file-validate; then
    if desktop-file-validate "$SCRATCH/tree/usr/share/applications/$APP_ID.desktop" >"$SCRATCH/dfv" 2>&1 \
            && ! grep -q "error:" "$SCRATCH/dfv"; then
        ok "desktop-file-validate"
    else
        fail "desktop-file-validate: $(grep -m1 error: "$SCRATCH/dfv")"
    fi
else
    skip "desktop-file-validate: not installed (Debian package desktop-file-utils)"
fi
if has appstreamcli; then
    if appstreamcli validate --no-net "$SCRATCH/tree/usr/share/metainfo/$APP_ID.metainfo.xml" >"$SCRATCH/as" 2>&1; then
        ok "appstreamcli validate --no-net"
    else
        fail "appstreamcli validate: $(grep -m1 -E '^[EW]:' "$SCRATCH/as")"
    fi
else
    skip "appstreamcli validate: not installed (Debian package appstream)"
fi

# 3. Install, run, remove: needs root and apt (which brings in Depends a minimal system lacks).
if [[ "$(id -u)" -ne 0 ]] || ! has apt-get; then
    skip "install/selftest/purge: needs root and apt-get"
    exit "$failed"
fi
if dpkg -s ganstudio >/dev/null 2>&1; then
    fail "install: a ganstudio package is already installed here; not touching it"
    exit 1
fi
# Where a package can put files (users' home folders are theirs: no package touches them).
system_paths() { find /opt /usr /etc /var 2>/dev/null | sort; }
system_paths >"$SCRATCH/before"
if DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$(realpath "$DEB")" \
        >"$SCRATCH/install" 2>&1; then
    ok "install: $(grep -c '^Setting up' "$SCRATCH/install") packages set up"
else
    fail "install: $(tail -n 1 "$SCRATCH/install")"
    exit 1
fi
missing="$(find /opt/ganstudio -type f \( -name '*.so*' -o -name ganstudio \) -exec sh -c \
    'LD_LIBRARY_PATH=/opt/ganstudio/_internal ldd "$1" 2>/dev/null | grep "not found" | sed "s#^#$1: #"' _ {} \; | sort -u)"
[[ -z "$missing" ]] && ok "ldd: every library found" || fail "ldd: $(echo "$missing" | head -n 1)"
if env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM HOME="$SCRATCH/home" /usr/bin/ganstudio selftest \
        >"$SCRATCH/selftest" 2>&1; then
    ok "/usr/bin/ganstudio selftest: $(tail -n 1 "$SCRATCH/selftest")"
else
    fail "/usr/bin/ganstudio selftest: $(tail -n 1 "$SCRATCH/selftest")"
fi
HOME="$SCRATCH/home" /usr/bin/ganstudio train --iterations 20 --out "$SCRATCH/run" >"$SCRATCH/train" 2>&1 \
    && ok "/usr/bin/ganstudio train: $(tail -n 1 "$SCRATCH/train")" \
    || fail "/usr/bin/ganstudio train: $(tail -n 1 "$SCRATCH/train")"
if DEBIAN_FRONTEND=noninteractive apt-get purge -y -q ganstudio >"$SCRATCH/purge" 2>&1; then
    ok "purge"
else
    fail "purge: $(tail -n 1 "$SCRATCH/purge")"
fi
system_paths >"$SCRATCH/after"
# What the purge left: paths that exist now and did not before, other than the Depends apt
# installed (those stay, as apt leaves them for autoremove) and caches dpkg triggers rebuild.
comm -13 "$SCRATCH/before" "$SCRATCH/after" | grep -i ganstudio >"$SCRATCH/left" || true
if [[ -s "$SCRATCH/left" ]]; then
    fail "left behind after purge: $(head -n 3 "$SCRATCH/left" | tr '\n' ' ')"
else
    ok "nothing named ganstudio left in /opt, /usr, /etc or /var after purge"
fi
exit "$failed"
