#!/usr/bin/env bash
# Cross-checks the syscall benchmarks against plain C on this machine: ns per raw syscall(SYS_getppid) from a C loop,
# beside NativeSyscallBenchmark.getppid (the same loop in the suite's native core, which should match it) and
# ParentPidGetBenchmark net of JnaCallBenchmark (the JNA call path) from a host run of the suite.
#   scripts/calibrate/getppid.sh [RUN_DIR]    (RUN_DIR: an existing run with host/jmh.json; default: a new quick run)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

main() {
  command -v cc >/dev/null || die "a C compiler is needed (apt-get install gcc)"
  cc -O2 -o "$WORK/getppid_loop" "$ROOT/scripts/calibrate/getppid_loop.c"
  say "C loop, 5 rounds of 2,000,000 calls:"
  "$WORK/getppid_loop" 2000000 5 >&2
  python3 - "$(host_results 'JnaCallBenchmark|ParentPidGetBenchmark|NativeSyscallBenchmark' "${1:-}")" <<'PY'
import json, statistics, sys
def forks(metric):  # the mean of each fork, and their coefficient of variation: the noise the issue is about
    means = [statistics.mean(f) for f in metric.get("rawData", [])]
    cv = f", CV {100 * statistics.stdev(means) / statistics.mean(means):.1f} %" if len(means) > 1 else ""
    return "forks " + " / ".join(f"{m:.0f}" for m in means) + cv
scores = {r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]: r["primaryMetric"]
          for r in json.load(open(sys.argv[1]))}
jna, raw = scores["JnaCallBenchmark.libcAbs"], scores["ParentPidGetBenchmark.rawSyscall"]
print(f"JMH: JNA baseline {jna['score']:.1f} ± {jna['scoreError']:.1f} ns, raw getppid {raw['score']:.1f} ± "
      f"{raw['scoreError']:.1f} ns ({forks(raw)}), net {raw['score'] - jna['score']:.1f} ns")
native = scores.get("NativeSyscallBenchmark.getppid")
print(f"JMH: native getppid {native['score']:.1f} ± {native['scoreError']:.1f} ns ({forks(native)})" if native
      else "JMH: no NativeSyscallBenchmark.getppid in the run (skipped? see its environment.json)")
PY
}

main "$@"
