#!/usr/bin/env bash
# Runs the isobench suite in a Docker container (Testcontainers, a local image of the shared rootfs, nothing pulled):
#   scripts/run-container.sh [--network bridge|host] [--seccomp default|unconfined] [--storage overlay|volume]
#                            [--cpus N] [--memory SIZE] [--cpuset LIST] [--profile P] [--include REGEX] [--out RUN_DIR]
#                            [--neighbours K --load cpu|io|net]
# Results: RUN_DIR/container-<variant>/{jmh.json,environment.json,jmh.log,footprint.json}.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  handle_help_and_version "$@"
  ensure_jars
  ensure_docker
  ensure_packages debootstrap
  launch container "$@"
}

main "$@"
