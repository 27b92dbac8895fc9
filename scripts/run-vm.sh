#!/usr/bin/env bash
# Runs the isobench suite in a QEMU virtual machine booted from the image prepared under vm-images/:
#   scripts/run-vm.sh [--cpus N] [--memory MiB] [--disk-cache none|writeback] [--accel auto|kvm|tcg]
#                     [--neighbours K --load cpu|io|net] [--profile P] [--include REGEX] [--out RUN_DIR] [-- JMH options]
# KVM where /dev/kvm is usable, TCG (emulation, labelled vm-tcg) otherwise.
# Results: RUN_DIR/vm-<accel>/{jmh.json,environment.json,jmh.log,console.log,footprint.json}.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  handle_help_and_version "$@"
  ensure_jars
  ensure_qemu
  launch vm "$@"
}

main "$@"
