#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the fleet tests (as root; see ENVIRONMENT.md "Slurm"):
#   one-node-cluster.sh start DIR   writes DIR/slurm.conf, makes the spool dirs under DIR, starts munged (unless one
#                                   runs), slurmctld and slurmd, and waits for the node to be idle
#   one-node-cluster.sh stop DIR    stops what start started (pids in DIR) and waits for them to go
# Clients find the cluster with SLURM_CONF=DIR/slurm.conf. Nothing is written outside DIR but munged's /run/munge.
set -euo pipefail

# How long to wait for the daemons to come up or go, in seconds.
WAIT_SECONDS=30
# The ports of this cluster's daemons (override to run beside another cluster).
CTLD_PORT="${ISOBENCH_SLURMCTLD_PORT:-6817}"
SLURMD_PORT="${ISOBENCH_SLURMD_PORT:-6818}"

say() { printf 'one-node-cluster: %s\n' "$*" >&2; }
die() { printf 'one-node-cluster: %s\n' "$*" >&2; exit 1; }

write_conf() {
  local dir=$1 host cpus mem
  host=$(hostname -s)
  cpus=$(nproc)
  mem=$(awk '/MemTotal/ {print int($2 / 1024 * 0.9)}' /proc/meminfo)
  cat > "$dir/slurm.conf" <<CONF
ClusterName=isobench-test
SlurmctldHost=$host
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
StateSaveLocation=$dir/spool/slurmctld
SlurmdSpoolDir=$dir/spool/slurmd
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ReturnToService=2
KillWait=10
MinJobAge=600
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
}

start() {
  local dir=$1
  [[ $EUID -eq 0 ]] || die "needs root"
  for tool in munged slurmctld slurmd sinfo; do
    command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install -y slurm-wlm munge)"
  done
  mkdir -p "$dir/spool/slurmctld" "$dir/spool/slurmd" "$dir/log"
  write_conf "$dir"
  if ! pgrep -x munged >/dev/null; then
    mkdir -p /run/munge
    chown munge:munge /run/munge
    # munged refuses to run as root ("Logfile is insecure").
    runuser -u munge -- munged
    cat /run/munge/munged.pid > "$dir/munged.pid"
  fi
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld -f "$SLURM_CONF"
  slurmd -f "$SLURM_CONF"
  local waited=0
  until [[ "$(sinfo -h -o %t 2>/dev/null)" == idle ]]; do
    if (( waited++ >= WAIT_SECONDS )); then
      tail -n 3 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
      stop "$dir"
      die "the node did not become idle within ${WAIT_SECONDS} s"
    fi
    sleep 1
  done
  say "up: SLURM_CONF=$SLURM_CONF"
}

# stop_pid FILE: ends the process whose pid FILE holds, if it is still running, and waits for it to go.
stop_pid() {
  local file=$1 pid waited=0
  [[ -f "$file" ]] || return 0
  pid=$(<"$file")
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    while kill -0 "$pid" 2>/dev/null; do
      if (( waited++ >= WAIT_SECONDS )); then
        kill -9 "$pid" 2>/dev/null || true
      fi
      sleep 0.2
    done
  fi
  rm -f "$file"
}

stop() {
  local dir=$1
  stop_pid "$dir/slurmd.pid"
  stop_pid "$dir/slurmctld.pid"
  stop_pid "$dir/munged.pid"
  say "stopped"
}

main() {
  [[ $# -eq 2 && ( $1 == start || $1 == stop ) ]] || die "usage: one-node-cluster.sh start|stop DIR"
  "$1" "$(realpath -m "$2")"
}

main "$@"
