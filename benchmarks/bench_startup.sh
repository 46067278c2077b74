#!/usr/bin/env bash
# Time from launching GAN Studio to its window on screen (mapped and visible), on a virtual X
# screen: the median of N runs, cold (the page cache dropped first, as after a reboot; needs
# root) and warm. Usage: benchmarks/bench_startup.sh [RUNS] [COMMAND...]
#   default COMMAND: the installed /usr/bin/ganstudio, else the frozen app in dist/
# Needs Xvfb and xdotool. Settings go to a scratch HOME, so every run is a first launch.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"; shift || true
if [[ $# -gt 0 ]]; then CMD=("$@")
elif [[ -x /usr/bin/ganstudio ]]; then CMD=(/usr/bin/ganstudio)
else CMD=("$(ls -d "$ROOT"/dist/ganstudio-*-linux-*/ | head -n 1)ganstudio"); fi
SCRATCH="$(mktemp -d)"
DISPLAY_NUMBER=:91
Xvfb "$DISPLAY_NUMBER" -screen 0 1024x768x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null; rm -rf "$SCRATCH"' EXIT
sleep 1
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
one_run() {   # prints seconds from exec to a visible window
    local start end pid
    rm -rf "$SCRATCH/home"; mkdir -p "$SCRATCH/home"
    start=$(date +%s.%N)
    DISPLAY=$DISPLAY_NUMBER HOME="$SCRATCH/home" QT_QPA_PLATFORM=xcb "${CMD[@]}" >/dev/null 2>&1 &
    pid=$!
    # Polled every 20 ms: xdotool's own --sync waits in steps of half a second.
    until DISPLAY=$DISPLAY_NUMBER xdotool search --onlyvisible --name "GAN Studio" >/dev/null 2>&1; do
        sleep 0.02
        kill -0 "$pid" 2>/dev/null || { echo "the app exited before showing a window" >&2; exit 1; }
    done
    end=$(date +%s.%N)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "$end - $start" | bc
}
for mode in cold warm; do
    times=()
    for _ in $(seq "$RUNS"); do
        if [[ $mode == cold ]]; then
            sync; echo 3 >/proc/sys/vm/drop_caches 2>/dev/null || { echo "cold: needs root to drop the page cache; skipped"; continue 2; }
        fi
        times+=("$(one_run)")
    done
    printf '%s: median %.2f s over %d runs (%s)\n' "$mode" "$(printf '%s\n' "${times[@]}" | median)" \
        "$RUNS" "$(printf '%.2f ' "${times[@]}")"
done
