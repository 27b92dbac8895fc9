#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the fleet tests (as root; see ENVIRONMENT.md "Slurm"):
#   one-node-cluster.sh start DIR   writes DIR/slurm.conf, makes the spool dirs under DIR, starts munged (unless one
#                                   runs), slurmctld and slurmd, and waits for the node to be idle
#   one-node-cluster.sh stop DIR    stops what start started (pids in DIR) and waits for them to go
# Clients find the cluster with SLURM_CONF=DIR/slurm.conf. Nothing is written outside DIR but munged's /run/munge.
# The node is this machine, named by its short host name. What it shares with two-node-cluster.sh is in cluster-lib.sh.
set -euo pipefail

# This script's name in messages.
CLUSTER=one-node-cluster
# The ports of this cluster's daemons (override to run beside another cluster).
CTLD_PORT="${ISOBENCH_SLURMCTLD_PORT:-6817}"
SLURMD_PORT="${ISOBENCH_SLURMD_PORT:-6818}"

source "$(dirname "${BASH_SOURCE[0]}")/cluster-lib.sh"

start() {
  local dir=$1 host
  check_tools
  host=$(hostname -s)
  write_conf "$dir" "$host" "$CTLD_PORT" "$SLURMD_PORT"
  mkdir -p "$dir/spool/slurmd-$host"
  cat >> "$dir/slurm.conf" <<CONF
NodeName=$host CPUs=$(nproc) RealMemory=$(node_memory) State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  start_munge "$dir"
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld -f "$SLURM_CONF"
  slurmd -f "$SLURM_CONF"
  wait_idle "$dir" 1
  say "up: SLURM_CONF=$SLURM_CONF"
}

stop() {
  local dir=$1
  stop_pid "$dir/slurmd-$(hostname -s).pid"
  stop_pid "$dir/slurmctld.pid"
  stop_pid "$dir/munged.pid"
  say "stopped"
}

dispatch "start stop" "$@"
