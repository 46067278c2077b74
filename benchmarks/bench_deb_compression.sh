#!/usr/bin/env bash
# Times dpkg-deb on the staged .deb tree (build/deb/, made by packaging/deb.sh) with each
# compressor dpkg on Debian 12 and Ubuntu 22.04 can read, and prints size and build time, so
# the choice in deb.sh rests on a measurement. Also times unpacking (what every install pays).
# Usage: benchmarks/bench_deb_compression.sh [REPEATS]   (median of REPEATS builds, default 3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shopt -s nullglob
stages=("$ROOT"/build/deb/ganstudio_*/)
[[ ${#stages[@]} -eq 1 ]] || { echo "run packaging/deb.sh first" >&2; exit 2; }
STAGE="${stages[0]%/}"
REPEATS="${1:-3}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-12s %8s %10s %10s\n' compressor "size MB" "build s" "unpack s"
for spec in gzip:9 xz:6 xz:9 zstd:3 zstd:10 zstd:19; do
    kind="${spec%%:*}" level="${spec##*:}"
    builds=() unpacks=()
    for _ in $(seq "$REPEATS"); do
        start=$(date +%s.%N)
        dpkg-deb --root-owner-group -Z"$kind" -z"$level" --threads-max="$(nproc)" --build "$STAGE" "$OUT/p.deb" >/dev/null
        builds+=("$(echo "$(date +%s.%N) - $start" | bc)")
        rm -rf "$OUT/x"; start=$(date +%s.%N)
        dpkg-deb -x "$OUT/p.deb" "$OUT/x"
        unpacks+=("$(echo "$(date +%s.%N) - $start" | bc)")
    done
    size=$(stat -c %s "$OUT/p.deb")
    printf '%-12s %8.1f %10.1f %10.1f\n' "$kind -$level" "$(echo "$size / 1048576" | bc -l)" \
        "$(printf '%s\n' "${builds[@]}" | median)" "$(printf '%s\n' "${unpacks[@]}" | median)"
done
