#!/bin/bash
# One-article rebuilds without search at scale: bash scripts/edit_rebuilds.sh N WORK [EDITS]
#
# Generates the benchmark's corpus of N articles in WORK/content (kept for the next run: with an
# existing WORK the cold build is a rebuild with this checkout), builds it into WORK/site, then
# EDITS times (default 4) adds a line to one article (a different folder each time) and rebuilds,
# each build a fresh build.py timed with /usr/bin/time (wall, user and system seconds, largest
# process), with the user's environment (compiled modules cached). Use a WORK on tmpfs.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
n=$1 work=$2 edits=${3:-4}
python="$root/.venv/bin/python"
mkdir -p "$work" && cd "$work"
[ -d content ] || PYTHONPATH="$root" "$python" -c "from pathlib import Path; from pressarchive.bench import generate_corpus; generate_corpus(Path('content'), $n)"
build() { env -u PYTHONDONTWRITEBYTECODE /usr/bin/time -f "$1 %e s (%U user, %S system), largest process %M KB" "$python" "$root/build.py" build --content content --out site --no-search 2>&1 | grep -E "^$1 |planned|^built"; }
build cold
folders=(content/articles/*/)
for i in $(seq "$edits"); do
  file=$(ls "${folders[$(( (i * 7) % ${#folders[@]} ))]}"*.md | head -1)
  printf '\nEdited in run %s.\n' "$i" >> "$file"
  build "edit$i"
done
