#!/usr/bin/env bash
# Cross-checks HttpServiceBenchmark against ApacheBench (Debian's apache2-utils) on the host: the same JSON service
# (EchoPeer --http, the JDK's HTTP server) on loopback, the same order posted; ab's mean time per request with one
# client, kept alive (-k) and with a connection per request, and its requests per second with four kept-alive
# clients, beside the rows keepAlive, newConnection and keepAliveThroughput of a host run. ab speaks HTTP/1.0 with
# Keep-Alive, the rows HTTP/1.1.
#   scripts/calibrate/http-ab.sh [RUN_DIR]    (RUN_DIR: an existing run with host/inbound/jmh.json; default: a new quick run)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Requests per ab run (a first run of WARMUP_REQUESTS of each kind, kept alive and a connection per request, warms
# the server's JIT up and is not counted).
REQUESTS=20000
WARMUP_REQUESTS=10000
# The order posted: the same size and fields as JsonHttpService.SAMPLE_ORDER.
ORDER='{"id":42,"item":"isobench","quantity":3}'
# The service's pid, stopped on exit.
SERVICE_PID=""

cleanup() {
  [[ -z "$SERVICE_PID" ]] || kill "$SERVICE_PID" 2>/dev/null || true
  rm -rf "$WORK"
}

# ab_run ARGS...: runs ab with ARGS against the service, its report in $WORK/ab.out; dies when a request failed.
ab_run() {
  ab -q "$@" -p "$WORK/order.json" -T application/json "http://127.0.0.1:$PORT/order" > "$WORK/ab.out" \
    || die "ab failed: $(tail -n 3 "$WORK/ab.out")"
  ! grep -q '^Non-2xx responses' "$WORK/ab.out" || die "the service refused ab's orders: $(grep Non-2xx "$WORK/ab.out")"
  grep -q '^Failed requests: *0$' "$WORK/ab.out" || die "ab saw failed requests: $(grep '^Failed' "$WORK/ab.out")"
}
# ab_value FIELD: the first number on the line of ab's last report that starts with FIELD.
ab_value() {
  awk -v field="$1" 'index($0, field) == 1 { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9.]+$/) { print $i; exit } }' "$WORK/ab.out"
}

main() {
  ensure_packages apache2-utils
  ensure_jars
  trap cleanup EXIT
  printf '%s' "$ORDER" > "$WORK/order.json"
  java -cp "$BENCHMARKS_JAR" io.isobench.network.EchoPeer --http --port 0 > "$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  local waited=0
  until grep -q '^EchoPeer listening on ' "$WORK/service.log"; do
    (( waited++ < 300 )) || die "the HTTP service did not start: $(cat "$WORK/service.log")"
    sleep 0.1
  done
  PORT=$(sed -n 's/^EchoPeer listening on .*:\([0-9]*\)$/\1/p' "$WORK/service.log")
  ab_run -k -c 1 -n "$WARMUP_REQUESTS"
  ab_run -k -c 1 -n "$REQUESTS"
  local kept_ms; kept_ms=$(ab_value "Time per request:")
  # A connection per request takes the server's accept and close paths, which kept-alive requests never warm.
  ab_run -c 1 -n "$WARMUP_REQUESTS"
  ab_run -c 1 -n "$((REQUESTS / 4))"
  local fresh_ms; fresh_ms=$(ab_value "Time per request:")
  ab_run -k -c 4 -n "$REQUESTS"
  local rate; rate=$(ab_value "Requests per second:")
  kill "$SERVICE_PID" && SERVICE_PID=""
  local jmh; jmh=$(host_results HttpServiceBenchmark "${1:-}" inbound)
  table_header
  table_row "kept alive, 1 client: mean" "$(awk -v m="$kept_ms" 'BEGIN { print m * 1000 }')" \
    "$(jmh_score "$jmh" 'HttpServiceBenchmark\.keepAlive$')" "us"
  table_row "new connection, 1 client: mean" "$(awk -v m="$fresh_ms" 'BEGIN { print m * 1000 }')" \
    "$(jmh_score "$jmh" 'HttpServiceBenchmark\.newConnection$')" "us"
  table_row "kept alive, 4 clients: requests/s" "$rate" \
    "$(jmh_score "$jmh" 'HttpServiceBenchmark\.keepAliveThroughput$')" "req/s"
  jmh_rows "$jmh" 'HttpService' >&2
}

main "$@"
