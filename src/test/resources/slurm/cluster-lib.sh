# What the test clusters share (sourced by one-node-cluster.sh and two-node-cluster.sh; see ENVIRONMENT.md "Slurm"):
# the checks, munged, the common part of slurm.conf, waiting for idle nodes and stopping a daemon by its pid file.
# The sourcing script sets CLUSTER (its name in messages) before sourcing.

# How long to wait for the daemons to come up or go, in seconds.
WAIT_SECONDS=30

say() { printf '%s: %s\n' "$CLUSTER" "$*" >&2; }
die() { printf '%s: %s\n' "$CLUSTER" "$*" >&2; exit 1; }

# check_tools TOOL...: root, and every tool on PATH.
check_tools() {
  [[ $EUID -eq 0 ]] || die "needs root"
  local tool
  for tool in munged slurmctld slurmd sinfo "$@"; do
    command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install -y slurm-wlm munge iproute2)"
  done
}

# start_munge DIR: starts munged unless one runs (then DIR/munged.pid says that this cluster stops it).
start_munge() {
  local dir=$1
  if ! pgrep -x munged >/dev/null; then
    mkdir -p /run/munge
    chown munge:munge /run/munge
    # munged refuses to run as root ("Logfile is insecure").
    runuser -u munge -- munged
    cat /run/munge/munged.pid > "$dir/munged.pid"
  fi
}

# write_conf DIR CTLD_HOST CTLD_PORT SLURMD_PORT: DIR/slurm.conf without its nodes; the caller appends NodeName and
# PartitionName lines. Every slurmd path has %n (the node's name), so nodes on one machine keep apart.
write_conf() {
  local dir=$1 ctld_host=$2 ctld_port=$3 slurmd_port=$4
  mkdir -p "$dir/spool/slurmctld" "$dir/log"
  cat > "$dir/slurm.conf" <<CONF
ClusterName=isobench-test
SlurmctldHost=$ctld_host
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
StateSaveLocation=$dir/spool/slurmctld
SlurmdSpoolDir=$dir/spool/slurmd-%n
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd-%n.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd-%n.log
ReturnToService=2
KillWait=10
MinJobAge=600
CONF
}

# node_memory: the RealMemory to declare, in MiB (90% of this machine's).
node_memory() {
  awk '/MemTotal/ {print int($2 / 1024 * 0.9)}' /proc/meminfo
}

# wait_idle DIR COUNT: waits until sinfo shows COUNT idle nodes; otherwise shows the logs, stops the cluster and fails.
wait_idle() {
  local dir=$1 count=$2 waited=0
  until [[ "$(sinfo -h -N -t idle -o %N 2>/dev/null | sort -u | wc -l)" -eq $count ]]; do
    if (( waited++ >= WAIT_SECONDS )); then
      sinfo -N >&2 || true
      tail -n 3 "$dir"/log/*.log >&2 || true
      stop "$dir"
      die "$count node(s) did not become idle within ${WAIT_SECONDS} s"
    fi
    sleep 1
  done
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

# dispatch "VERB..." VERB DIR [ARG...]: checks the usage and runs the function VERB with DIR made absolute.
dispatch() {
  local verbs=$1
  shift
  [[ $# -ge 2 && " $verbs " == *" $1 "* ]] || die "usage: $CLUSTER.sh ${verbs// /|} DIR"
  local verb=$1 dir
  dir=$(realpath -m "$2")
  shift 2
  "$verb" "$dir" "$@"
}
