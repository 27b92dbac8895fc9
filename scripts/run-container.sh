#!/usr/bin/env bash
# Runs the isobench suite in a Docker container (Testcontainers, a local image of the shared rootfs, nothing pulled):
#   scripts/run-container.sh [--runtime runc|crun|runsc] [--network bridge|host] [--peer host|sibling]
#                            [--seccomp default|unconfined] [--storage overlay|volume]
#                            [--cpus N] [--memory SIZE] [--cpuset LIST] [--image IMAGE]
#                            [--profile P] [--rounds N] [--seed S] [--include REGEX] [--out RUN_DIR]
#                            [--neighbours K --load cpu|io|net] [-- JMH options]
# As root on Debian it installs debootstrap and, when no Docker engine answers, docker.io, crun and runsc, and starts
# dockerd with crun and runsc registered.
# Results: RUN_DIR/container-<variant>/{jmh.json,environment.json,jmh.log,footprint.json}.
# Every option, described: java -jar target/isobench.jar container --help (once built: mvn -DskipTests package).
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
