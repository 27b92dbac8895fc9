# Shared by the calibration scripts: sourced, not run. Each script runs a standard tool and prints its number beside
# the JMH row that measures the same thing on the same machine.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
# Sourced without arguments, this sees the calling script's: its --help and --version are answered here, before the
# temporary directory below is made.
handle_help_and_version "$@"

# A temporary directory for the tools' files, removed on exit.
WORK="$(mktemp -d "${TMPDIR:-/var/tmp}/isobench-calibrate.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# host_results INCLUDE [RUN_DIR] [SUBDIR]: prints the path of a host jmh.json holding the classes INCLUDE selects: RUN_DIR's,
# or that of a new quick host run; SUBDIR "inbound" for the classes the host runs against a peer inside (their own
# jmh.json, host/inbound/).
host_results() {
  local include="$1" run="${2:-}" sub="${3:+/$3}"
  if [[ -z "$run" ]]; then
    ensure_jars
    run="$WORK/run"
    java -jar "$LAUNCHER_JAR" host --profile quick --include "$include" --out "$run" >/dev/null
  fi
  [[ -f "$run/host$sub/jmh.json" ]] || die "no host$sub/jmh.json in $run"
  printf '%s\n' "$run/host$sub/jmh.json"
}

# jmh_score JMH_JSON REGEX [FIELD]: the score (or the percentile FIELD, e.g. 50.0) of the first result whose
# Class.method[params] matches REGEX, in the result's own unit.
jmh_score() {
  python3 - "$1" "$2" "${3:-}" <<'PY'
import json, re, sys
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]
    params = ",".join(f"{k}={v}" for k, v in sorted((r.get("params") or {}).items()))
    if re.search(sys.argv[2], name + (f"[{params}]" if params else "")):
        m = r["primaryMetric"]
        print(m["scorePercentiles"][sys.argv[3]] if sys.argv[3] else m["score"])
        sys.exit(0)
sys.exit(f"no result matches {sys.argv[2]} in {sys.argv[1]}")
PY
}

# table_header, then table_row WHAT REFERENCE ISOBENCH UNIT per line: the two numbers side by side, isobench over the
# reference, and whether that is within 1.3x either way (the cross-checks' tolerance).
table_header() {
  printf '%-40s %14s %14s %-7s %8s  %s\n' "what" "reference" "isobench" "unit" "ratio" "within 1.3x"
}
table_row() {
  awk -v what="$1" -v ref="$2" -v iso="$3" -v unit="$4" 'BEGIN {
    q = iso / ref
    printf "%-40s %14.1f %14.1f %-7s %8.2f  %s\n", what, ref, iso, unit, q, (q <= 1.3 && q >= 1 / 1.3) ? "yes" : "NO"
  }'
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
