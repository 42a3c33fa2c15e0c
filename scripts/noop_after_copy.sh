#!/bin/bash
# Builds with nothing to do after a fresh copy (a clone, a restore), for each checkout given, rounds interleaved:
#
#     bash scripts/noop_after_copy.sh CORPUS CHECKOUT... [--rounds N]   (run it on tmpfs: findmnt -t tmpfs)
#
# Each round copies CORPUS afresh into /dev/shm/noop-after-copy/<checkout>/, builds it cold without search
# (its files then all "racy": changed within 2 s of the build, see pressarchive/stamps.py), waits 2.5 s, and
# times 9 builds with nothing to do, each a fresh interpreter with its compiled modules cached. Prints
# each checkout's 9 times, sorted: the first no-op after a copy settles the racy files, the others are what
# every later no-op costs.
set -euo pipefail
corpus=$1; shift
rounds=2
checkouts=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--rounds" ]; then rounds=$2; shift 2; else checkouts+=("$(cd "$1" && pwd)"); shift; fi
done
python=${PYTHON:-python}
for round in $(seq "$rounds"); do
  for checkout in "${checkouts[@]}"; do
    work=/dev/shm/noop-after-copy/$(basename "$checkout")
    rm -rf "$work"; mkdir -p "$work"; cp -r "$corpus" "$work/content"
    (cd "$work" && env -u PYTHONDONTWRITEBYTECODE "$python" "$checkout/build.py" build --content content --out site --no-search >/dev/null 2>&1)
    sleep 2.5
    times=$(cd "$work" && for _ in $(seq 9); do
      env -u PYTHONDONTWRITEBYTECODE /usr/bin/time -f "%e" "$python" "$checkout/build.py" build --content content --out site --no-search 2>&1 >/dev/null | tail -1
    done | sort -n | tr '\n' ' ')
    echo "round $round, $checkout: $times"
  done
done
