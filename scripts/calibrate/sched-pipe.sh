#!/usr/bin/env bash
# Cross-checks ThreadWakeupBenchmark against perf bench sched pipe (Debian's linux-perf): a one-byte ping-pong
# through two pipes, in usecs per round trip; unpinned (the scheduler places the two tasks) and with both tasks
# on one CPU (no inter-processor wake-up). The JMH row pins its two threads to two CPUs where it can.
#   scripts/calibrate/sched-pipe.sh [RUN_DIR]    (RUN_DIR: an existing run with host/jmh.json; default: a new quick run)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Round trips per perf run, and runs per placement.
LOOPS=200000
RUNS=5

main() {
  command -v perf >/dev/null || die "perf is needed (apt-get install linux-perf)"
  local placement cpus
  for placement in "two threads, unpinned" "two threads, one CPU"; do
    cpus="$(nproc --all | awk '{print "0-" $1 - 1}')"
    [[ "$placement" == *"one CPU"* ]] && cpus=0
    for _ in $(seq "$RUNS"); do
      taskset -c "$cpus" perf bench sched pipe -T -l "$LOOPS" 2>/dev/null | awk -v p="$placement" '/usecs\/op/ {print "perf bench sched pipe (" p "): " $1 " us/op"}'
    done
  done
  jmh_rows "$(host_results ThreadWakeupBenchmark "${1:-}")" 'ThreadWakeup'
}

main "$@"
