#!/usr/bin/env bash
# Cross-checks StreamTriadBenchmark against a C STREAM triad built here with cc (stream_triad.c): the same three arrays
# of 128 MiB, one thread per CPU, 24 bytes per element; the C program's mean over its passes (the first left out)
# beside the row's mean of a host run, and its best pass (what STREAM itself reports) below. Bytes per second, in GB/s.
#   scripts/calibrate/stream-triad.sh [RUN_DIR]    (RUN_DIR: an existing run with host/jmh.json; default: a new quick run)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# MiB per array (StreamTriadBenchmark.ARRAY_MIB) and passes of the C program.
ARRAY_MIB=128
PASSES=20

main() {
  command -v cc >/dev/null || die "a C compiler is needed (apt-get install gcc)"
  cc -O2 -pthread -o "$WORK/stream_triad" "$ROOT/scripts/calibrate/stream_triad.c"
  "$WORK/stream_triad" "$ARRAY_MIB" "$(nproc)" "$PASSES" > "$WORK/stream.out"
  local mean best
  mean=$(awk '/^mean:/ { print $2 / 1e9 }' "$WORK/stream.out")
  best=$(awk '/^best:/ { print $2 / 1e9 }' "$WORK/stream.out")
  local jmh; jmh=$(host_results StreamTriadBenchmark "${1:-}")
  local row; row=$(awk -v s="$(jmh_score "$jmh" 'StreamTriadBenchmark\.triad')" 'BEGIN { print s / 1e9 }')
  table_header
  table_row "triad on $(nproc) CPUs: mean" "$mean" "$row" "GB/s"
  say "C best pass: $best GB/s (STREAM's own report)"
}

main "$@"
