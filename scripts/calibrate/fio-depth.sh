#!/usr/bin/env bash
# Cross-checks DirectQueueDepthBenchmark against fio (Debian's fio): random 4 KiB O_DIRECT reads of a 128 MiB file in
# the bench directory at queue depth 1, 4 and 16, as IOPS; once with libaio from one thread (fio's usual way) and once
# with one blocking reader thread per request (psync, numjobs=N: the JMH benchmark's way).
#   scripts/calibrate/fio-depth.sh [RUN_DIR]    (RUN_DIR: an existing run with host/jmh.json; default: a new quick run)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Where the file goes: the host runs' bench directory, so that both read from the same file system.
BENCH_DIR="${ISOBENCH_BENCH_DIR:-/var/tmp/isobench}"
# Seconds per fio job.
SECONDS_PER_JOB=5

# fio_iops ENGINE DEPTH JOBS: total read IOPS of one fio job.
fio_iops() {
  fio --name=qd --directory="$FIO_DIR" --filename=qd.data --size=128m --rw=randread --bs=4k --direct=1 \
      --ioengine="$1" --iodepth="$2" --numjobs="$3" --group_reporting --time_based --runtime="$SECONDS_PER_JOB" \
      --output-format=json | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["jobs"][0]["read"]["iops"]))'
}

main() {
  command -v fio >/dev/null || die "fio is needed (apt-get install fio)"
  mkdir -p "$BENCH_DIR"
  FIO_DIR="$(mktemp -d "$BENCH_DIR/fio.XXXXXX")"
  trap 'rm -rf "$WORK" "$FIO_DIR"' EXIT
  local depth
  for depth in 1 4 16; do
    say "fio depth $depth: libaio $(fio_iops libaio "$depth" 1) IOPS, psync x$depth threads $(fio_iops psync 1 "$depth") IOPS"
  done
  jmh_rows "$(host_results DirectQueueDepthBenchmark "${1:-}")" 'DirectQueueDepth'
}

main "$@"
