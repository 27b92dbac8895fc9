#!/usr/bin/env bash
# The neighbour measurement of 2026-11-28 with VMs: cpu and io load, K=1, host, runc and the VM (TCG here) in one run
# each, the VM in every round (--emulated-rounds 5). Run from the repository's root as root, holding the lock.
set -euo pipefail
OUT=${1:-/work/measure4/nb-vm}
common=(--envs host,container,vm --container-variants bridge --neighbours 1 --profile quick --rounds 5 --emulated-rounds 5 --density 0)
date -u
time scripts/bench.sh "${common[@]}" --load cpu --seed 281201 --include 'Sha256Digest|ArithmeticLoop' --out "$OUT/cpu"
date -u
time scripts/bench.sh "${common[@]}" --load io --seed 281202 --include 'SyncWriteLatency' --out "$OUT/io"
date -u
