#!/usr/bin/env bash
# Runs the isobench suite in a QEMU virtual machine booted from the image prepared under vm-images/:
#   scripts/run-vm.sh [--vcpus N] [--memory MiB] [--disk-cache none|writeback] [--network auto|tap|user]
#                     [--accel auto|kvm|tcg] [--profile P] [--rounds N] [--seed S] [--include REGEX] [--out RUN_DIR]
#                     [--neighbours K --load cpu|io|net] [-- JMH options]
# As root on Debian it installs qemu-system-x86, qemu-utils and debootstrap. KVM where /dev/kvm is usable, TCG
# (emulation, labelled vm-tcg) otherwise; a tap device where one can be made, QEMU's user-mode network (-user) otherwise.
# Results: RUN_DIR/vm-<accel>[-user]/{jmh.json,environment.json,jmh.log,console.log,footprint.json}.
# Every option, described: java -jar target/isobench.jar vm --help (once built: mvn -DskipTests package).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  handle_help_and_version "$@"
  ensure_jars
  ensure_qemu
  launch vm "$@"
}

main "$@"
