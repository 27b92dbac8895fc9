#!/usr/bin/env bash
# DAMON pageout on/off, alternated; C loop per 300 ms window. Restores DAMON on at the end.
set -u
S=/sys/kernel/mm/damon/admin/kdamonds/0/state
exec 9>/tmp/isobench-cpu.lock; flock 9
trap 'echo on > $S 2>/dev/null' EXIT
for phase in on off on off on off; do
  [ "$(cat $S)" = "$phase" ] || echo $phase > $S
  pid=$(cat /sys/kernel/mm/damon/admin/kdamonds/0/pid)
  echo "# phase $phase $(date +%s) kdamond_pid=$pid $(grep -E '^(pgsteal_kdamond|pgscan_kdamond|pgsteal_direct|pgfault|pgmajfault) ' /proc/vmstat | tr '\n' ' ') $(grep -E '^Cached' /proc/meminfo)"
  ./stretch 150 | sed "s/^/$phase /"
done
echo "# end $(date +%s) $(grep -E '^(pgsteal_kdamond|pgscan_kdamond|pgfault|pgmajfault) ' /proc/vmstat | tr '\n' ' ')"
