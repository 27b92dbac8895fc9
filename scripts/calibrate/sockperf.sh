#!/usr/bin/env bash
# Cross-checks the boundary round trips (PeerRoundTripBenchmark, PeerUdpRoundTripBenchmark) against sockperf (Debian's
# sockperf) ping-pong over the same paths to the host: host loopback; a runc container through its bridge network to
# the gateway address; a runc container with host networking over loopback; a gVisor container (isobench's runsc
# registration, host network mode) through its bridge, where the engine has it; a VM through QEMU's user-mode network
# (10.0.2.2, re-made from the host's loopback), labelled with its accelerator. The sockperf server runs on the host
# bound to the address the JMH run's EchoPeer binds for that path; the client runs where the benchmark runs (the
# container image and the VM disk are the suite's own, with the host's /usr/bin/sockperf mounted or copied in).
# sockperf's messages are at least 14 bytes: its 14-byte row stands beside JMH's 1-byte row. Round trips in µs,
# sockperf with --full-rtt (round trip, not half of it) and --no-rdtsc (the monotonic clock, as JMH's).
#   scripts/calibrate/sockperf.sh [--no-vm] [--out DIR] [RUN_DIR]
#     RUN_DIR: an existing run with the environments' jmh.json (host/, container-bridge/, container-host/,
#              container-runsc-bridge/, vm-*/); default: a new run of the two classes, quick profile, one round
#     --out:   keep sockperf's outputs, the JMH run, its log and the table there (default: a temporary directory)
#     --no-vm: leave the VM path out
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Seconds of each sockperf ping-pong (after its own warm-up).
SECONDS_PER_RUN=5
# sockperf message sizes per protocol, beside JMH's 1 B, 1 KiB and 64 KiB (sockperf's smallest is 14 bytes, its
# largest 65,507, a UDP datagram's payload).
TCP_SIZES=(14 1024 65507)
UDP_SIZES=(14 1024)
# The JMH classes the table compares.
JMH_INCLUDE='network\.Peer(Udp)?RoundTripBenchmark'
# QEMU's user-mode network: the guest's address and how it dials the host.
VM_NET=10.0.2.15/24,10.0.2.2
# How long the VM may take to boot, run every sockperf client and power off (TCG emulates every instruction).
VM_TIMEOUT_SECONDS=600
# Labels of everything this script makes in Docker: the launcher's sweep removes them once this script's pid is gone.
LABELS=(--label io.isobench=true --label "io.isobench.launcher-pid=$$" --label io.isobench.calibrate=sockperf)
# What to undo on exit: sockperf servers and QEMU (pids), the bridge network.
PIDS=()
NETWORK=""

cleanup() {
  local pid id
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  if docker info >/dev/null 2>&1; then
    for id in $(docker ps -aq --filter "label=io.isobench.launcher-pid=$$"); do
      docker rm -f "$id" >/dev/null 2>&1 || true
      kill_serving "$id"
    done
    [[ -z "$NETWORK" ]] || docker network rm "$NETWORK" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}

# kill_serving CONTAINER_ID: ends what still serves a removed container on the host (a gVisor sandbox can linger).
kill_serving() {
  local full pid
  full="$(docker inspect -f '{{.Id}}' "$1" 2>/dev/null || printf '%s' "$1")"
  for pid in $(grep -lsa -- "$full" /proc/[0-9]*/cmdline | cut -d/ -f3); do
    kill -9 "$pid" 2>/dev/null || true
  done
}

# free_port: a TCP and UDP port number nobody on the host uses.
free_port() {
  python3 -c 'import socket
while True:
    t = socket.socket(); t.bind(("", 0)); port = t.getsockname()[1]
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        u.bind(("", port)); print(port); break
    except OSError:
        pass'
}

# start_servers ADDR PORT: a TCP and a UDP sockperf server on the host, bound to ADDR; returns once both listen.
start_servers() {
  local addr=$1 port=$2 waited=0
  sockperf sr -i "$addr" -p "$port" --tcp >>"$OUT/server.log" 2>&1 &
  PIDS+=($!)
  sockperf sr -i "$addr" -p "$port" >>"$OUT/server.log" 2>&1 &
  PIDS+=($!)
  until ss -Htln "src $addr:$port" | grep -q . && ss -Hlun "src $addr:$port" | grep -q .; do
    (( waited++ < 50 )) || die "the sockperf servers on $addr:$port did not start; see $OUT/server.log"
    sleep 0.1
  done
}

stop_servers() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
}

# client_args ADDR PORT PROTO SIZE: one sockperf ping-pong client's command line (after the program's name).
client_args() {
  printf '%s\n' pp -i "$1" -p "$2" -m "$4" -t "$SECONDS_PER_RUN" --full-rtt --no-rdtsc
  [[ "$3" == udp ]] || printf '%s\n' --tcp
}

# measure PATH ADDR PORT RUNNER...: every protocol and size over one path, the client started by RUNNER; a path whose
# client fails is left at its first failure, with sockperf's error.
measure() {
  local path=$1 addr=$2 port=$3 proto size out
  shift 3
  for proto in tcp udp; do
    local -n sizes="${proto^^}_SIZES"
    for size in "${sizes[@]}"; do
      out="$OUT/sockperf/$path-$proto-$size.txt"
      say "sockperf $path: ${proto^^}, $size bytes, ${SECONDS_PER_RUN} s"
      if ! "$@" $(client_args "$addr" "$port" "$proto" "$size") >"$out" 2>&1; then
        say "sockperf failed on the $path path ($(grep -m1 -o 'ERROR: .*' "$out" || tail -n1 "$out")): that path is left out"
        return 0
      fi
    done
  done
}

# in_container NAME DOCKER_RUN_OPTIONS... -- SOCKPERF_ARGS...: runs sockperf in a container of the suite's image.
in_container() {
  local name=$1 opts=()
  shift
  while [[ "$1" != -- ]]; do opts+=("$1"); shift; done
  shift
  docker run --rm --name "isobench-sockperf-$$-$name" "${LABELS[@]}" "${opts[@]}" \
    -v /usr/bin/sockperf:/usr/local/bin/sockperf:ro "$IMAGE" /usr/local/bin/sockperf "$@"
}

container_paths() {
  local port gateway runsc
  IMAGE="$(bash "$ROOT/vm-images/build.sh" container)"
  NETWORK="isobench-sockperf-$$"
  docker network create "${LABELS[@]}" "$NETWORK" >/dev/null
  gateway="$(docker network inspect -f '{{range .IPAM.Config}}{{.Gateway}}{{end}}' "$NETWORK")"
  [[ "$gateway" =~ ^[0-9.]+$ ]] || die "network $NETWORK has no IPv4 gateway"
  port="$(free_port)"
  start_servers "$gateway" "$port"
  measure runc-bridge "$gateway" "$port" in_container runc-bridge --network "$NETWORK" --
  runsc="$(docker info -f '{{range $name, $v := .Runtimes}}{{$name}} {{end}}' | tr ' ' '\n' | grep -x -m1 -e isobench-runsc -e runsc || true)"
  if [[ -n "$runsc" ]]; then
    measure runsc-bridge "$gateway" "$port" in_container runsc-bridge --runtime "$runsc" --network "$NETWORK" --
  else
    say "the Docker engine has no runsc runtime: the gVisor path is left out"
  fi
  stop_servers
  docker network rm "$NETWORK" >/dev/null
  NETWORK=""
  port="$(free_port)"
  start_servers 127.0.0.1 "$port"
  measure runc-host 127.0.0.1 "$port" in_container runc-host --network host --
  stop_servers
}

# vm_accel: kvm where QEMU can start a KVM vCPU (the launcher's probe: /dev/kvm may exist and still fail), else tcg.
vm_accel() {
  if [[ -r /dev/kvm && -w /dev/kvm ]] && printf 'quit\n' | timeout 20 qemu-system-x86_64 -accel kvm -cpu host -M q35 \
      -nodefaults -display none -S -monitor stdio >/dev/null 2>&1; then
    echo kvm
  else
    echo tcg
  fi
}

# vm_path: boots the suite's VM image with user-mode networking; its init runs every sockperf client from the share.
vm_path() {
  local image share port accel size out cpu
  image="$(bash "$ROOT/vm-images/build.sh" vm)"
  share="$WORK/vm-share"
  mkdir -p "$share"
  cp /usr/bin/sockperf "$share/"
  port="$(free_port)"
  start_servers 127.0.0.1 "$port"
  {
    echo "cd /share"
    for size in "${TCP_SIZES[@]}"; do
      echo "./sockperf $(client_args "${VM_NET#*,}" "$port" tcp "$size" | tr '\n' ' ') >out-tcp-$size.txt 2>&1"
    done
    for size in "${UDP_SIZES[@]}"; do
      echo "./sockperf $(client_args "${VM_NET#*,}" "$port" udp "$size" | tr '\n' ' ') >out-udp-$size.txt 2>&1"
    done
  } >"$share/run.sh"
  accel="$(vm_accel)"
  [[ "$accel" == kvm ]] && cpu=(-accel kvm -cpu host) || cpu=(-accel tcg,thread=single -cpu max)
  [[ "$accel" == tcg ]] && say "KVM is not usable here: the VM runs under TCG, its numbers are emulation"
  qemu-img create -q -f qcow2 -b "$image/disk.img" -F raw "$WORK/overlay.qcow2"
  say "booting the VM ($accel) to run sockperf in it, at most ${VM_TIMEOUT_SECONDS} s ..."
  timeout "$VM_TIMEOUT_SECONDS" qemu-system-x86_64 -M q35 "${cpu[@]}" -bios /usr/share/qemu/qboot.rom -nodefaults \
    -no-user-config -serial stdio -nographic -no-reboot -smp "$(nproc)" -m 2048 \
    -kernel "$image/vmlinuz" -initrd "$image/initrd.img" -append "$(<"$image/cmdline") isobench.net=$VM_NET" \
    -drive "file=$WORK/overlay.qcow2,if=virtio,format=qcow2" \
    -virtfs "local,path=$share,mount_tag=share,security_model=none,id=share" \
    -netdev user,id=n0 -device virtio-net-pci,netdev=n0 </dev/null >"$OUT/vm-console.log" 2>&1 &
  PIDS+=($!)
  wait "${PIDS[-1]}" || say "QEMU ended with status $?; see $OUT/vm-console.log"
  for out in "$share"/out-*.txt; do
    [[ -f "$out" ]] && cp "$out" "$OUT/sockperf/vm-$accel-user-${out##*/out-}"
  done
  stop_servers
}

# jmh_run: the JMH rows of the same paths, one round of the quick profile, into $OUT/jmh.
jmh_run() {
  local envs=host,container
  [[ "$WITH_VM" == 1 ]] && envs+=,vm
  ensure_jars >&2
  say "running $JMH_INCLUDE in $envs (quick profile, one round; log: $OUT/jmh-run.log) ..."
  # --vm-networks user: the VM that sockperf boots is on slirp, so the JMH row must be too.
  java -jar "$LAUNCHER_JAR" bench --envs "$envs" --container-variants bridge,host,runsc-bridge --vm-networks user --profile quick \
    --rounds 1 --include "$JMH_INCLUDE" --out "$OUT/jmh" >"$OUT/jmh-run.log" 2>&1 \
    || say "the JMH run ended with status $? (see $OUT/jmh-run.log); the table has what it wrote"
  printf '%s\n' "$OUT/jmh"
}

# table RUN_DIR: sockperf beside JMH per path, protocol and size, as Markdown.
table() {
  python3 - "$OUT/sockperf" "$1" <<'PY'
import glob, json, os, re, sys
sockperf_dir, run = sys.argv[1:3]
# sockperf path label -> the JMH environment directory of the same path (the VM's by prefix).
envs = {"host": "host", "runc-bridge": "container-bridge", "runc-host": "container-host",
        "runsc-bridge": "container-runsc-bridge"}
jmh_size = {"14": "1", "1024": "1024", "65507": "65536"}

def sockperf(path):
    text = open(path, errors="replace").read()
    avg = re.search(r"avg-(?:rtt|lat)=\s*([\d.]+)", text)
    p50 = re.search(r"percentile 50\.000 =\s*([\d.]+)", text)
    p99 = re.search(r"percentile 99\.000 =\s*([\d.]+)", text)
    return tuple(float(m.group(1)) if m else None for m in (avg, p50, p99))

def jmh(env, klass, size):
    for f in glob.glob(os.path.join(run, env, "jmh.json")):
        for r in json.load(open(f)):
            if r["benchmark"].endswith(klass + ".roundTrip") and str((r.get("params") or {}).get("size")) == size:
                m = r["primaryMetric"]
                p = m.get("scorePercentiles", {})
                return m["score"], p.get("50.0"), p.get("99.0"), json.load(open(os.path.join(run, env, "environment.json"))).get("peerPath")
    return None, None, None, None

def fmt(v):
    return "–" if v is None else f"{v:.1f}"

def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b

print("| path (sockperf / JMH peerPath) | proto | bytes (sockperf / JMH) | sockperf avg | sockperf p50 | sockperf p99 "
      "| JMH mean | JMH p50 | JMH p99 | JMH/sockperf p50 | JMH/sockperf mean | within 1.5× (p50) |")
print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
order = ["host", "runc-bridge", "runc-host", "runsc-bridge"]
files = sorted(glob.glob(os.path.join(sockperf_dir, "*.txt")),
               key=lambda f: (next((i for i, p in enumerate(order) if os.path.basename(f).startswith(p + "-")), 9),
                              os.path.basename(f).split("-")[-2], int(re.sub(r"\D", "", f.rsplit("-", 1)[1]))))
for f in files:
    name = os.path.basename(f)[:-4]
    path, proto, size = name.rsplit("-", 2)
    env = envs.get(path)
    if env is None and path.startswith("vm-"):
        found = sorted(d for d in os.listdir(run) if d.startswith("vm")) if os.path.isdir(run) else []
        env = found[0] if found else "vm"
    klass = "PeerRoundTripBenchmark" if proto == "tcp" else "PeerUdpRoundTripBenchmark"
    s_avg, s_p50, s_p99 = sockperf(f)
    j_mean, j_p50, j_p99, peer_path = jmh(env, klass, jmh_size[size])
    r50, rmean = ratio(j_p50, s_p50), ratio(j_mean, s_avg)
    within = "–" if r50 is None else ("yes" if 1 / 1.5 <= r50 <= 1.5 else "no")
    print(f"| {path} / {peer_path or env + ' (no row)'} | {proto.upper()} | {size} / {jmh_size[size]} | {fmt(s_avg)} "
          f"| {fmt(s_p50)} | {fmt(s_p99)} | {fmt(j_mean)} | {fmt(j_p50)} | {fmt(j_p99)} "
          f"| {'–' if r50 is None else f'{r50:.2f}'} | {'–' if rmean is None else f'{rmean:.2f}'} | {within} |")
PY
}

main() {
  WITH_VM=1
  OUT=""
  local run=""
  while (( $# )); do
    case "$1" in
      --no-vm) WITH_VM=0 ;;
      --out) OUT="$2"; shift ;;
      -*) die "unknown option $1 (usage: sockperf.sh [--no-vm] [--out DIR] [RUN_DIR])" ;;
      *) run="$1" ;;
    esac
    shift
  done
  OUT="${OUT:-$WORK/out}"
  mkdir -p "$OUT/sockperf"
  OUT="$(cd "$OUT" && pwd)"
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  command -v sockperf >/dev/null || ensure_packages sockperf
  local port
  port="$(free_port)"
  start_servers 127.0.0.1 "$port"
  measure host 127.0.0.1 "$port" sockperf
  stop_servers
  ensure_docker
  container_paths
  if [[ "$WITH_VM" == 1 ]]; then
    if command -v qemu-system-x86_64 >/dev/null; then
      vm_path
    else
      say "qemu-system-x86_64 not found (apt-get install qemu-system-x86): the VM path is left out"
    fi
  fi
  [[ -n "$run" ]] || run="$(jmh_run)"
  table "$run" | tee "$OUT/table.md"
}

main "$@"
