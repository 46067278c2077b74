#!/usr/bin/env bash
# Smoke-tests a built one-folder app: --version, selftest without a display, a short train and
# a sample from its checkpoint. One line per check; exits non-zero if any check failed.
# Usage: packaging/smoke.sh [dist/ganstudio-<version>-linux-x86_64]   (default: the one in dist/)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ $# -gt 0 ]]; then
    APP="$1"
else
    shopt -s nullglob
    found=("$ROOT"/dist/ganstudio-*-linux-*/)
    [[ ${#found[@]} -eq 1 ]] || { echo "smoke.sh: expected one built folder in dist/, found ${#found[@]}" >&2; exit 2; }
    APP="${found[0]%/}"
fi
BIN="$APP/ganstudio"
[[ -x "$BIN" ]] || { echo "smoke.sh: no executable $BIN" >&2; exit 2; }
VERSION="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/ganstudio/__init__.py")"
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
failed=0

# check NAME COMMAND...: runs COMMAND with its output in a log, prints ok/FAIL, the time, and
# on failure the log's last line (the one-line error the app promises).
check() {
    local name="$1"; shift
    local start=$SECONDS
    if "$@" >"$SCRATCH/$name.log" 2>&1; then
        printf 'ok    %-9s %3d s  %s\n' "$name" $((SECONDS - start)) "$(tail -n 1 "$SCRATCH/$name.log")"
    else
        printf 'FAIL  %-9s %3d s  %s\n' "$name" $((SECONDS - start)) "$(tail -n 1 "$SCRATCH/$name.log")"
        failed=1
    fi
}

version_matches() { [[ "$("$BIN" --version)" == "ganstudio $VERSION" ]] && "$BIN" --version; }
check version  version_matches
check selftest env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$BIN" selftest
check train    "$BIN" train --iterations 50 --out "$SCRATCH/run"
sample_written() { "$BIN" sample "$SCRATCH/run/checkpoint.npz" --out "$SCRATCH/sample.png" && [[ -s "$SCRATCH/sample.png" ]]; }
check sample   sample_written
exit "$failed"
