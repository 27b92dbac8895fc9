#!/usr/bin/env bash
# The main job on a Slurm cluster, one exclusive task per node, and one merged report across the nodes:
#   scripts/fleet.sh (--nodelist LIST | --nodes N | --partition P) [--time LIMIT] [--fleet-dir DIR] [--poll SECONDS]
#                    [bench options, e.g. --profile smoke --envs host,container] [-- JMH options]
# It uses the cluster that sinfo answers for and never starts one; the repository (its target/ jars and results/)
# must be on a file system every node shares. Exit codes: 0 every node complete, 3 some failed or partial, 1 none.
# Every option, described: java -jar target/isobench.jar fleet --help (once built: mvn -DskipTests package).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  handle_help_and_version "$@"
  ensure_jars
  launch fleet "$@"
}

main "$@"
