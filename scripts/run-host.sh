#!/usr/bin/env bash
# Runs the isobench suite on the host:
#   scripts/run-host.sh [--profile smoke|quick|standard|full] [--rounds N] [--seed S] [--include REGEX] [--out RUN_DIR]
#                       [--bench-dir DIR] [--neighbours K --load cpu|io|net] [-- JMH options]
# Results: RUN_DIR/host/{jmh.json,environment.json,jmh.log,footprint.json}; RUN_DIR defaults to results/<run-id>/.
# Every option, described: java -jar target/isobench.jar host --help (once built: mvn -DskipTests package).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  handle_help_and_version "$@"
  ensure_jars
  launch host "$@"
}

main "$@"
