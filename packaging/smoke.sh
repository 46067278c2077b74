#!/usr/bin/env bash
# Smoke-tests a built one-folder app: --version, selftest without a display, a short train, a
# sample from its checkpoint, exports of it as ONNX and safetensors (the bundled `export` extra),
# and the safetensors file imported back. One line per check; exits non-zero if any check failed.
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
        printf 'ok    %-11s %3d s  %s\n' "$name" $((SECONDS - start)) "$(tail -n 1 "$SCRATCH/$name.log")"
    else
        printf 'FAIL  %-11s %3d s  %s\n' "$name" $((SECONDS - start)) "$(tail -n 1 "$SCRATCH/$name.log")"
        failed=1
    fi
}

version_matches() { [[ "$("$BIN" --version)" == "ganstudio $VERSION" ]] && "$BIN" --version; }
check version  version_matches
check selftest env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$BIN" selftest
check train    "$BIN" train --iterations 50 --out "$SCRATCH/run"
sample_written() { "$BIN" sample "$SCRATCH/run/checkpoint.npz" --out "$SCRATCH/sample.png" && [[ -s "$SCRATCH/sample.png" ]]; }
check sample   sample_written
onnx_written() {
    "$BIN" export "$SCRATCH/run/checkpoint.npz" --format onnx --out "$SCRATCH/g.onnx" && [[ -s "$SCRATCH/g.onnx" ]]
}
check onnx     onnx_written
safetensors_written() {
    "$BIN" export "$SCRATCH/run/checkpoint.npz" --format safetensors --out "$SCRATCH/w.safetensors" &&
        [[ -s "$SCRATCH/w.safetensors" ]]
}
check safetensors safetensors_written
imported() { "$BIN" import "$SCRATCH/w.safetensors" --out "$SCRATCH/back.npz" && [[ -s "$SCRATCH/back.npz" ]]; }
check import   imported
exit "$failed"
