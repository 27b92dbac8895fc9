#!/usr/bin/env bash
# Compares run directories (RUN_DIR/<env>/jmh.json), environment directories or JMH JSON files, or one fleet directory,
# and writes report.md, index.html and summary.json:
#   scripts/compare.sh RUN_DIR [more inputs] [--baseline ENV] [--baseline-run OLD_RUN] [--out DIR] [--force]
#                      [--label NAME] [--fail-on-regression PCT] [--thresholds FILE] [--require-judged N|all]
#                      [--title TEXT] [--quiet]
# The report goes to --out DIR, or RUN_DIR/report for a single run directory; a report already there is kept unless
# --force (the reports committed under docs/ are never rewritten by a plain rerun). compare refuses /, the home
# directory and a folder that holds files but no earlier isobench report.
# Exit codes: 0 done, 2 bad input, 4 the regression gate (--fail-on-regression PCT) found slowdowns (3 is a partial run,
# from the suite and launcher).
# Every option, described: java -jar target/isobench.jar compare --help (once built: mvn -DskipTests package).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The repository's per-benchmark regression thresholds (used with --fail-on-regression unless --thresholds names another).
THRESHOLDS="$ROOT/regression-thresholds.properties"
# A short-lived command: C1 only and the serial GC start faster. Override with COMPARE_JAVA_OPTS.
COMPARE_JAVA_OPTS="${COMPARE_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"

main() {
  handle_help_and_version "$@"
  ensure_jars
  # shellcheck disable=SC2086
  exec java $COMPARE_JAVA_OPTS "-Disobench.thresholds=$THRESHOLDS" -jar "$LAUNCHER_JAR" compare "$@"
}

main "$@"
