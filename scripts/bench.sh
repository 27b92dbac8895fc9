#!/usr/bin/env bash
# The main job (what `mvn verify -Pbench` runs): host, the container variants (runc and gVisor's runsc by default),
# Charliecloud, Podman and the VM, started once each and run in interleaved rounds, then the comparison.
#   scripts/bench.sh [--profile smoke|quick|standard|full] [--rounds N] [--emulated-rounds N] [--seed S]
#                    [--include REGEX] [--out RUN_DIR] [--precision PCT --budget TIME]   (rounds planned for a precision)
#                    [--envs host,container,charliecloud,podman,vm] [--container-variants bridge,runsc-bridge,host,...]
#                    [--vm-networks auto|tap|user|tap,user] [--density N]
#                    [--neighbours K --load cpu|io|net]   (each environment also beside K loaded siblings: README, Neighbours)
#                    [--plan]   (print the environments, steps and expected time, and exit: nothing installed or started)
#                    [-- JMH options]   (or --jmh="JMH options", as mvn verify -Pbench -Disobench.jmh=... passes them)
# As root on Debian it installs and starts what the environments need (docker.io, charliecloud, podman, QEMU,
# debootstrap); an environment that still cannot run is skipped with its reason in the report, unless it was named in
# --envs.
# Every option, described: java -jar target/isobench.jar bench --help (once built: mvn -DskipTests package).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# envs ARGS...: the --envs value the arguments give (empty when absent).
envs() {
  local envs=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --) break ;;
      --envs) envs="${2:-}"; shift ;;
      --envs=*) envs="${1#--envs=}" ;;
    esac
    shift
  done
  printf '%s' "$envs"
}

# wants ENV ARGS...: whether ENV is among the environments the arguments ask for (all when --envs is absent or empty).
wants() {
  local env="$1" envs
  shift
  envs=$(envs "$@")
  [[ -z "$envs" || ",$envs," == *",$env,"* ]]
}

# named ENV ARGS...: whether --envs names ENV (for kinds that run only when asked for, as Podman).
named() {
  local env="$1" envs
  shift
  envs=$(envs "$@")
  [[ ",$envs," == *",$env,"* ]]
}

# planning ARGS...: whether the arguments ask only for the plan (--plan, or --plan=true as -Disobench.plan=true gives).
planning() {
  local arg
  for arg in "$@"; do
    case "$arg" in
      --) return 1 ;;
      --plan|--plan=true) return 0 ;;
    esac
  done
  return 1
}

main() {
  handle_help_and_version "$@"
  maven_arguments "$@"
  set -- "${ARGS[@]}"
  ensure_jars
  if planning "$@"; then
    launch bench "$@"
  fi
  if wants container "$@"; then
    (ensure_docker && ensure_packages debootstrap) || say "the container environment may be skipped (see above)"
  fi
  if wants charliecloud "$@" || wants charliecloud-root "$@"; then
    (ensure_docker && ensure_packages debootstrap && ensure_charliecloud) \
      || say "the Charliecloud environment may be skipped (see above)"
  fi
  local podman
  for podman in podman podman-runc podman-crun podman-runc-rootless podman-crun-rootless; do
    if named "$podman" "$@"; then
      (ensure_docker && ensure_packages debootstrap && ensure_podman) \
        || say "the Podman environments may be skipped (see above)"
      break
    fi
  done
  if wants vm "$@"; then
    (ensure_qemu) || say "the VM environment may be skipped (see above)"
  fi
  launch bench "$@"
}

main "$@"
