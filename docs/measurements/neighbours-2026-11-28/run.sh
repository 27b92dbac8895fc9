#!/usr/bin/env bash
# The neighbour measurement of 2026-11-28: cpu and io load, K=1, host and runc (and runc with --cpus 1 for cpu).
set -euo pipefail
cd /work/wt-nb
export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost
SEL='Sha256Digest|ArithmeticLoop|SmallFileChurn|SyncWriteLatency'
date -u
time java -jar target/isobench.jar bench --envs host,container --container-variants bridge,bridge-cpus1 \
  --neighbours 1 --load cpu --profile quick --rounds 5 --seed 281101 --include "$SEL" --out /tmp/nb-measure/cpu
date -u
time java -jar target/isobench.jar bench --envs host,container --container-variants bridge \
  --neighbours 1 --load io --profile quick --rounds 5 --seed 281102 --include "$SEL" --out /tmp/nb-measure/io
date -u
