#!/usr/bin/env bash
# Runs the isobench suite on the host: scripts/run-host.sh [--profile P] [--include REGEX] [--out RUN_DIR]
#                          [--neighbours K --load cpu|io|net] [-- JMH options]
# Results: RUN_DIR/host/{jmh.json,environment.json,jmh.log,footprint.json}; RUN_DIR defaults to results/<run-id>/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  handle_help_and_version "$@"
  ensure_jars
  launch host "$@"
}

main "$@"
