#!/usr/bin/env bash
# Cross-checks the network area's round trips against sockperf (Debian's package) ping-pong over the same paths as
# the Peer*Benchmarks: host loopback, and a bridged container to the host's address on its bridge (the gateway), the
# server on the host bound to that address only. sockperf runs with --full-rtt (whole round trips, not half), printed
# beside the JMH rows (PeerRoundTrip and PeerUdpRoundTrip, 1 B and 1 KiB). The VM path is not covered: the guest image
# has no sockperf.
#   scripts/calibrate/sockperf.sh [RUN_DIR]   (RUN_DIR: a run with host/ and container-bridge/ jmh.json; default: a
#                                               new quick host run, and the container rows are left out)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Seconds of ping-pong per path, size and protocol.
DURATION=5
# Message sizes, as the JMH rows' size parameter.
SIZES=(1 1024)
# sockperf's port on the host, and the labelled network and container this script makes (removed on exit).
PORT=11211
NET="isobench-sockperf-$$"
SERVER_PID=""

cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null || true
  docker rm -f "$NET-client" >/dev/null 2>&1 || true
  docker network rm "$NET" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# serve ADDR PROTO: a sockperf server on the host, bound to ADDR only.
serve() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  sockperf server -i "$1" -p "$PORT" $([[ "$2" == tcp ]] && echo --tcp) >/dev/null 2>&1 &
  SERVER_PID=$!
  sleep 1
}

# round_trip LABEL COMMAND...: runs a sockperf ping-pong client and prints its mean and median round trip.
round_trip() {
  local label="$1"; shift
  "$@" 2>&1 | awk -v l="$label" '
    /avg-lat=/ { sub(/.*avg-lat= */, ""); mean = $1 }
    /<50.000> observation =/ { p50 = $NF }
    END { if (mean == "") { print "sockperf " l ": no result"; exit 1 }
          printf "sockperf %s: %.1f us round trip (p50 %.1f)\n", l, mean, p50 }'
}

# client_args ADDR PROTO SIZE
client_args() {
  echo ping-pong -i "$1" -p "$PORT" -m "$3" -t "$DURATION" --full-rtt $([[ "$2" == tcp ]] && echo --tcp)
}

main() {
  command -v sockperf >/dev/null || die "sockperf is needed (apt-get install sockperf)"
  local run="${1:-}" proto size
  say "host loopback"
  for proto in tcp udp; do
    serve 127.0.0.1 "$proto"
    for size in "${SIZES[@]}"; do
      round_trip "host loopback $proto size=$size" sockperf $(client_args 127.0.0.1 "$proto" "$size")
    done
  done
  jmh_rows "$(host_results 'network\.Peer(Udp)?RoundTrip' "$run")" 'Peer(Udp)?RoundTrip.*size=(1|1024)\]'

  ensure_docker
  local image gateway
  image="$("$ROOT/vm-images/build.sh" container)"
  docker network create --label io.isobench.calibrate=1 "$NET" >/dev/null
  gateway="$(docker network inspect -f '{{(index .IPAM.Config 0).Gateway}}' "$NET")"
  say "container on a bridge -> the host at $gateway"
  # The host's sockperf and its C++ runtime, read-only; the image's glibc is the same Debian release's.
  local mounts=(-v /usr/bin/sockperf:/opt/sockperf/sockperf:ro
                -v "$(readlink -f /lib/x86_64-linux-gnu/libstdc++.so.6)":/opt/sockperf/lib/libstdc++.so.6:ro
                -v "$(readlink -f /lib/x86_64-linux-gnu/libgcc_s.so.1)":/opt/sockperf/lib/libgcc_s.so.1:ro)
  for proto in tcp udp; do
    serve "$gateway" "$proto"
    for size in "${SIZES[@]}"; do
      round_trip "container-bridge -> host $proto size=$size" docker run --rm --name "$NET-client" --network "$NET" \
        --label io.isobench.calibrate=1 -e LD_LIBRARY_PATH=/opt/sockperf/lib "${mounts[@]}" "$image" \
        /opt/sockperf/sockperf $(client_args "$gateway" "$proto" "$size")
    done
  done
  if [[ -n "$run" && -f "$run/container-bridge/jmh.json" ]]; then
    jmh_rows "$run/container-bridge/jmh.json" 'Peer(Udp)?RoundTrip.*size=(1|1024)\]' | sed 's/^JMH /JMH container-bridge /'
  fi
}

main "$@"
