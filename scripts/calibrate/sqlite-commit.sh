#!/usr/bin/env bash
# Cross-checks SqliteCommitBenchmark against Debian's sqlite3 shell doing the same transactions in the host runs' bench
# directory: the same table, journal_mode WAL and then DELETE, synchronous=FULL, one INSERT and COMMIT per transaction;
# the mean time per transaction (the shell's wall time over the transactions after as many untimed ones, its start and
# set-up left out by timing an empty script too) beside the row's mean commit latency of a host run. The shell parses each statement anew where
# the row reuses a prepared one: a few microseconds per transaction.
#   scripts/calibrate/sqlite-commit.sh [RUN_DIR]    (RUN_DIR: an existing run with host/jmh.json; default: a new quick run)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Where the database goes: the host runs' bench directory, so that both write to the same file system.
BENCH_DIR="${ISOBENCH_BENCH_DIR:-/var/tmp/isobench}"
# Transactions per journal mode.
TRANSACTIONS=2000

# sqlite_micros JOURNAL [SYNCHRONOUS]: mean microseconds per transaction of the sqlite3 shell in that journal mode
# (synchronous FULL unless given: OFF measures the shell's own work per transaction, without waiting for the disk).
sqlite_micros() {
  local journal="$1" sync="${2:-FULL}" dir start empty end rows
  dir="$(mktemp -d "$BENCH_DIR/sqlite.XXXXXX")"
  # The journal mode is the database's (WAL) or the connection's (DELETE): every run of the shell sets both first.
  printf 'PRAGMA journal_mode=%s;\nPRAGMA synchronous=%s;\n' "$journal" "$sync" > "$dir/pragmas.sql"
  for ((i = 0; i < TRANSACTIONS; i++)); do
    printf "BEGIN; INSERT INTO orders (item, quantity, placed) VALUES ('isobench', 3, %d); COMMIT;\n" "$i"
  done > "$dir/transactions.sql"
  { cat "$dir/pragmas.sql"; printf 'CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT NOT NULL, '
    printf 'quantity INTEGER NOT NULL, placed INTEGER NOT NULL);\n'; } | sqlite3 "$dir/orders.db" >/dev/null
  # A warm-up, as JMH's: the first transactions append to a new write-ahead log (each sync also commits the file's
  # new size); from the first checkpoint on it is rewritten in place, which is what the row measures.
  cat "$dir/pragmas.sql" "$dir/transactions.sql" | sqlite3 "$dir/orders.db" >/dev/null
  start=$(date +%s%N)
  sqlite3 "$dir/orders.db" < "$dir/pragmas.sql" >/dev/null
  empty=$(( $(date +%s%N) - start ))
  start=$(date +%s%N)
  cat "$dir/pragmas.sql" "$dir/transactions.sql" | sqlite3 "$dir/orders.db" >/dev/null
  end=$(date +%s%N)
  rows=$(sqlite3 "$dir/orders.db" 'SELECT count(*) FROM orders')
  rm -rf "$dir"
  [[ "$rows" == "$((2 * TRANSACTIONS))" ]] || die "sqlite3 committed $rows transactions of $((2 * TRANSACTIONS))"
  awk -v ns="$(( end - start - empty ))" -v n="$TRANSACTIONS" 'BEGIN { print ns / n / 1000 }'
}

main() {
  command -v sqlite3 >/dev/null || ensure_packages sqlite3
  mkdir -p "$BENCH_DIR"
  local wal delete shell
  wal=$(sqlite_micros wal)
  delete=$(sqlite_micros delete)
  shell=$(sqlite_micros wal OFF)
  local jmh; jmh=$(host_results SqliteCommitBenchmark "${1:-}")
  table_header
  table_row "commit, journal=wal: mean" "$wal" "$(jmh_score "$jmh" 'insertCommit\[journal=wal\]')" "us"
  table_row "commit, journal=delete: mean" "$delete" "$(jmh_score "$jmh" 'insertCommit\[journal=delete\]')" "us"
  # The shell parses and plans three statements per transaction where the row reuses a prepared one.
  table_row "wal, less the shell's own work" "$(awk -v w="$wal" -v s="$shell" 'BEGIN { print w - s }')" \
    "$(jmh_score "$jmh" 'insertCommit\[journal=wal\]')" "us"
  say "the shell's own work per transaction (synchronous=OFF): $shell us"
  jmh_rows "$jmh" 'SqliteCommit' >&2
}

main "$@"
