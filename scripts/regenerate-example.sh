#!/usr/bin/env bash
# Regenerates the featured example's report, docs/measurements/standard-runtimes-2026-12-04/report/ (report.md,
# index.html, summary.json), from the inputs beside it with this build's compare, in place:
#   scripts/regenerate-example.sh
# Run it after a change to the report and commit the result: ExampleReportTest fails while the committed report
# differs from what compare makes of its inputs. The inputs are named relative to the repository, as the
# committed summary.json records them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The example run, relative to the repository root.
EXAMPLE_RUN=docs/measurements/standard-runtimes-2026-12-04

main() {
  handle_help_and_version "$@"
  [[ $# -eq 0 ]] || { printf 'regenerate-example: takes no arguments (see --help)\n' >&2; exit 2; }
  ensure_jars
  cd "$ROOT"
  exec bash scripts/compare.sh "$EXAMPLE_RUN" --out "$EXAMPLE_RUN/report" --quiet
}

main "$@"
