#!/usr/bin/env bash
# A two-node Slurm cluster on this machine, for the fleet tests (as root; see ENVIRONMENT.md "Slurm"):
#   two-node-cluster.sh start DIR            writes DIR/slurm.conf, makes a bridge and one network namespace per
#                                            node, starts munged (unless one runs), slurmctld on this machine and one
#                                            slurmd per node, and waits for both nodes to be idle
#   two-node-cluster.sh kill-node DIR NODE   kills everything on NODE at once (its slurmd, its jobs' processes), as
#                                            a node that dies would, and leaves the controller to notice
#   two-node-cluster.sh stop DIR             stops what start started; removes the namespaces, links and bridge
# Each node (node1, node2) has its own network (an address on the bridge), host name, mounts and processes: slurmd is
# the child of the init of a PID namespace, so killing that init ends the whole node. Its /tmp and /var/lib/isobench
# are its own (DIR/nodes/NODE/tmp and .../state: JMH's /tmp/jmh.lock and isobench's host-run lock, in its state
# directory, are per machine, and two nodes' host runs would refuse each other); every other path is the machine's, so
# DIR, the jar and a results directory outside /tmp are seen by both nodes alike, as a shared file system would be.
# DIR itself must therefore lie outside /tmp. munged's socket (/run/munge) is the machine's too.
# Clients find the cluster with SLURM_CONF=DIR/slurm.conf. What it shares with one-node-cluster.sh is in cluster-lib.sh.
set -Eeuo pipefail

# This script's name in messages.
CLUSTER=two-node-cluster
# The nodes' Slurm names, also their host names.
NODES=(node1 node2)
# The first three octets of the cluster's private /24: .1 is the controller (this machine, on the bridge), .2 and up
# the nodes (override when the range is taken here).
NET="${ISOBENCH_SLURM_NET:-10.213.46}"
# The bridge between the controller and the nodes.
BRIDGE=isob-slurm0
# The controller's port (not 6817, so a one-node cluster may run beside this one); every slurmd has its own network.
CTLD_PORT="${ISOBENCH_SLURMCTLD_PORT:-6827}"
SLURMD_PORT=6818
# isobench's state directory as root (Workspace.stateDir), made private per node like /tmp.
STATE_DIR=/var/lib/isobench
# How soon the controller declares a node that stopped answering down (Slurm's default is 300 s).
SLURMD_TIMEOUT=10

# This script, for the nodes' init.
SELF=$(realpath "${BASH_SOURCE[0]}")

source "$(dirname "$SELF")/cluster-lib.sh"

netns() { printf 'isobench-%s' "$1"; }
veth() { printf 'isob-%s' "$1"; }

start() {
  local dir=$1 i name host
  check_tools ip nsenter unshare
  [[ $dir != /tmp && $dir != /tmp/* ]] || die "$dir lies in /tmp, which each node has of its own: use a directory" \
    "outside /tmp"
  ip link show "$BRIDGE" &>/dev/null && die "$BRIDGE exists already: another test cluster runs here, or one was not" \
    "stopped ($CLUSTER.sh stop DIR)"
  for name in "${NODES[@]}"; do
    [[ ! -e "/run/netns/$(netns "$name")" ]] || die "network namespace $(netns "$name") exists already: another test" \
      "cluster runs here, or one was not stopped ($CLUSTER.sh stop DIR)"
  done
  ip -o addr show | grep -qF " $NET." && die "$NET.0/24 is in use here: set ISOBENCH_SLURM_NET to a free private range"
  # From here on, a command that fails stops what was started before it.
  trap 'trap - ERR; stop "$dir"' ERR
  host=$(hostname -s)
  write_conf "$dir" "$host($NET.1)" "$CTLD_PORT" "$SLURMD_PORT"
  {
    echo "SlurmdTimeout=$SLURMD_TIMEOUT"
    for i in "${!NODES[@]}"; do
      echo "NodeName=${NODES[i]} NodeHostname=${NODES[i]} NodeAddr=$NET.$((i + 2)) CPUs=$(nproc)" \
        "RealMemory=$(node_memory) State=UNKNOWN"
    done
    echo "PartitionName=test Nodes=$(IFS=,; echo "${NODES[*]}") Default=YES MaxTime=INFINITE State=UP"
  } >> "$dir/slurm.conf"
  printf '127.0.0.1 localhost\n::1 localhost ip6-localhost\n%s %s\n' "$NET.1" "$host" > "$dir/hosts"
  for i in "${!NODES[@]}"; do
    printf '%s %s\n' "$NET.$((i + 2))" "${NODES[i]}" >> "$dir/hosts"
  done
  ip link add "$BRIDGE" type bridge
  ip addr add "$NET.1/24" dev "$BRIDGE"
  ip link set "$BRIDGE" up
  start_munge "$dir"
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld -f "$SLURM_CONF"
  for i in "${!NODES[@]}"; do
    start_node "$dir" "${NODES[i]}" "$NET.$((i + 2))"
  done
  wait_idle "$dir" "${#NODES[@]}"
  trap - ERR
  say "up: SLURM_CONF=$SLURM_CONF (nodes ${NODES[*]} on $NET.0/24)"
}

# start_node DIR NAME ADDR: the node's network namespace, a veth from it to the bridge, and its init in new UTS, mount
# and PID namespaces (unshare --kill-child: when unshare dies, the init and with it every process of the node die).
start_node() {
  local dir=$1 name=$2 addr=$3 ns veth_host
  ns=$(netns "$name")
  veth_host=$(veth "$name")
  ip netns add "$ns"
  ip link add "$veth_host" type veth peer name eth0 netns "$ns"
  ip link set "$veth_host" master "$BRIDGE" up
  ip -n "$ns" addr add "$addr/24" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" link set lo up
  mkdir -p "$dir/nodes/$name/tmp" "$dir/spool/slurmd-$name"
  chmod 1777 "$dir/nodes/$name/tmp"
  mkdir -p -m 0700 "$dir/nodes/$name/state" "$STATE_DIR"
  nsenter --net="/run/netns/$ns" -- unshare --uts --mount --pid --fork --kill-child --mount-proc -- \
    bash "$SELF" node-init "$dir" "$name" </dev/null >>"$dir/log/node-$name.log" 2>&1 &
  echo $! > "$dir/node-$name.pid"
}

# node-init DIR NAME: the first process of a node (PID 1 of its namespace): its host name, its own /tmp and state
# directory, the cluster's hosts file, then slurmd in the foreground. Not for use by hand.
node-init() {
  local dir=$1 name=$2
  hostname "$name"
  mount --bind "$dir/nodes/$name/tmp" /tmp
  mount --bind "$dir/nodes/$name/state" "$STATE_DIR"
  mount --bind "$dir/hosts" /etc/hosts
  slurmd -D -N "$name" -f "$dir/slurm.conf" &
  wait $!
}

# alive PID: the process exists and is not a zombie.
alive() {
  local stat
  stat=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $stat != Z* ]]
}

# kill_node DIR NAME: SIGKILL to the node's unshare, whose death kills its init, whose death kills every process of
# the node; waits until the init is gone (the kernel ends the rest of the namespace before it).
kill_node() {
  local dir=$1 name=$2 pid init p waited=0
  [[ -f "$dir/node-$name.pid" ]] || return 0
  pid=$(<"$dir/node-$name.pid")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  init=$(pgrep -P "$pid" || true)
  kill -9 "$pid" 2>/dev/null || true
  for p in $pid $init; do
    while alive "$p"; do
      (( waited++ < WAIT_SECONDS * 5 )) || die "node $name's process $p did not end"
      sleep 0.2
    done
  done
  rm -f "$dir/node-$name.pid"
}

kill-node() {
  local dir=$1 name=${2:-}
  [[ " ${NODES[*]} " == *" $name "* ]] || die "usage: $CLUSTER.sh kill-node DIR NODE (one of ${NODES[*]})"
  [[ -f "$dir/node-$name.pid" ]] || die "node $name is not running in $dir"
  kill_node "$dir" "$name"
  say "node $name killed"
}

stop() {
  local dir=$1 name
  for name in "${NODES[@]}"; do
    kill_node "$dir" "$name"
  done
  stop_pid "$dir/slurmctld.pid"
  stop_pid "$dir/munged.pid"
  for name in "${NODES[@]}"; do
    if [[ -e "/run/netns/$(netns "$name")" ]]; then
      ip netns del "$(netns "$name")"
    fi
    # Deleting the namespace removes its veth pair asynchronously: the host's end may vanish between show and del.
    if ip link show "$(veth "$name")" &>/dev/null; then
      ip link del "$(veth "$name")" 2>/dev/null || ! ip link show "$(veth "$name")" &>/dev/null
    fi
  done
  if ip link show "$BRIDGE" &>/dev/null; then
    ip link del "$BRIDGE"
  fi
  say "stopped"
}

if [[ ${1:-} == node-init ]]; then
  node-init "$2" "$3"
else
  dispatch "start stop kill-node" "$@"
fi
