#!/bin/bash
# Network across the boundary, every path, one main-job run (smoke), 2026-11-28.
cd /tmp/netm
export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost
source /work/main/scripts/lib.sh
ensure_docker
date -u
exec java -Disobench.images=/work/main/vm-images -jar target/isobench.jar bench --profile smoke --envs host,container,vm \
  --container-variants bridge,host,runsc-bridge --vm-networks tap,user --include 'network\.Peer(RoundTrip|Inbound|Connect)Benchmark' --out /tmp/netm/run
