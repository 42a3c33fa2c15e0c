#!/bin/sh
# Peak memory of a build and all its workers together: bash scripts/memory_peak.sh COMMAND...
#
# Every 0.5 s sums the proportional set size (PSS: a page shared by n processes counts 1/n
# in each) of every python and pagefind process, from /proc/PID/smaps_rollup, and prints
# the highest sum when COMMAND ends. ru_maxrss (what /usr/bin/time reports) is per process
# and misses what forked workers copy. Linux only.
"$@" &
pid=$!
peak=0
while kill -0 "$pid" 2>/dev/null; do
  total=0
  for p in $(pgrep -f "python|pagefind"); do
    kb=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null)
    total=$((total + ${kb:-0}))
  done
  [ "$total" -gt "$peak" ] && peak=$total
  sleep 0.5
done
wait "$pid"
status=$?
echo "peak memory of all python and pagefind processes together (PSS): $((peak / 1024)) MB" >&2
exit $status
