# Shared by the calibration scripts: sourced, not run. Each script runs a standard tool and prints its number beside
# the JMH row that measures the same thing on the same machine.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
# Sourced without arguments, this sees the calling script's: its --help and --version are answered here, before the
# temporary directory below is made.
handle_help_and_version "$@"

# A temporary directory for the tools' files, removed on exit.
WORK="$(mktemp -d "${TMPDIR:-/var/tmp}/isobench-calibrate.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# host_results INCLUDE [RUN_DIR]: prints the path of a host jmh.json holding the classes INCLUDE selects: RUN_DIR's, or
# that of a new quick host run.
host_results() {
  local include="$1" run="${2:-}"
  if [[ -z "$run" ]]; then
    ensure_jars
    run="$WORK/run"
    java -jar "$LAUNCHER_JAR" host --profile quick --include "$include" --out "$run" >/dev/null
  fi
  [[ -f "$run/host/jmh.json" ]] || die "no host/jmh.json in $run"
  printf '%s\n' "$run/host/jmh.json"
}

# jmh_rows JMH_JSON REGEX: one line per result whose benchmark and params match REGEX: score, and p50/p99 for samples.
jmh_rows() {
  python3 - "$1" "$2" <<'PY'
import json, re, sys
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]
    params = ",".join(f"{k}={v}" for k, v in sorted((r.get("params") or {}).items()))
    label = name + (f"[{params}]" if params else "")
    if not re.search(sys.argv[2], label):
        continue
    m = r["primaryMetric"]
    tail = ""
    if "rawDataHistogram" in m:
        p = m["scorePercentiles"]
        tail = f", p50 {p['50.0']:.1f}, p99 {p['99.0']:.1f}"
    print(f"JMH {label}: {m['score']:.1f} {m['scoreUnit']}{tail}")
PY
}
