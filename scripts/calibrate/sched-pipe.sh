#!/usr/bin/env bash
# Cross-checks ThreadWakeupBenchmark (pipe) against two references on this machine: a C ping-pong of one byte through two
# pipes between two threads pinned to CPUs 0 and 1, as the JMH benchmark pins its threads (pipe_pingpong.c; also on one
# CPU, where no inter-processor wake-up happens), and perf bench sched pipe (Debian's linux-perf), which leaves the
# placement to the scheduler. All in microseconds per round trip.
#   scripts/calibrate/sched-pipe.sh [RUN_DIR]    (RUN_DIR: an existing run with host/jmh.json; default: a new quick run)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Round trips per measurement, and measurements per placement.
LOOPS=100000
RUNS=3

main() {
  command -v cc >/dev/null || die "a C compiler is needed (apt-get install gcc)"
  cc -O2 -pthread -o "$WORK/pipe_pingpong" "$ROOT/scripts/calibrate/pipe_pingpong.c"
  "$WORK/pipe_pingpong" "$LOOPS" "$RUNS" 0 1
  "$WORK/pipe_pingpong" "$LOOPS" "$RUNS" 0 0
  if command -v perf >/dev/null; then
    for _ in $(seq "$RUNS"); do
      perf bench sched pipe -T -l "$LOOPS" 2>/dev/null | awk '/usecs\/op/ {print "perf bench sched pipe -T (unpinned): mean " $1 " us"}'
    done
  else
    say "perf not found (apt-get install linux-perf): its cross-check is left out"
  fi
  jmh_rows "$(host_results ThreadWakeupBenchmark "${1:-}")" 'ThreadWakeup'
}

main "$@"
