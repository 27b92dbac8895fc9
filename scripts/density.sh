#!/usr/bin/env bash
# Measures density: how many idle instances fit on this host, and what each costs it.
#   scripts/density.sh [--kinds host,container,container-runc,container-crun,container-runsc,vm] [--max N]
#                      [--keep-free 25%|SIZE] [--budget SIZE] [--ksm off|on|both] [--page-reporting off|on|both]
#                      [--vm-memory MiB] [--vm-vcpus N] [--settle-seconds S] [--reads N] [--image IMAGE] [--out RUN_DIR]
# Starts idle instances one by one and writes RUN_DIR/density.json; scripts/compare.sh RUN_DIR draws it. As root on
# Debian it installs and starts what the kinds need (docker.io, QEMU).
# Every option, described: java -jar target/isobench.jar density --help (once built: mvn -DskipTests package).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The launcher's default kinds, when --kinds is not given.
DEFAULT_KINDS="host,container,vm"

main() {
  handle_help_and_version "$@"
  local kinds=$DEFAULT_KINDS args=("$@") i
  for (( i = 0; i < ${#args[@]}; i++ )); do
    [[ "${args[i]}" != --kinds ]] || kinds=${args[i+1]:-}
    [[ "${args[i]}" != --kinds=* ]] || kinds=${args[i]#--kinds=}
  done
  ensure_jars
  [[ "$kinds" != *container* ]] || ensure_docker
  [[ "$kinds" != *charliecloud* ]] || { ensure_docker && ensure_charliecloud; }
  [[ "$kinds" != *podman* ]] || { ensure_docker && ensure_podman; }
  [[ "$kinds" != *vm* ]] || ensure_qemu
  launch density "$@"
}

main "$@"
