#!/usr/bin/env bash
# Side-by-side timing of the clustering benchmarks at two commits, in one run, alternating old/new so both see the
# same machine load. Builds BASE (default HEAD~1) in a temporary worktree and the working tree as it is.
# Usage: bash benchmarks/scripts/compare-commits.sh [BASE] [ROUNDS]
# Prints every run's line, then the median of each benchmark's per-run medians for both builds.
set -euo pipefail
base=${1:-HEAD~1}
rounds=${2:-3}
root=$(git rev-parse --show-toplevel)
worktree=$(mktemp -d /tmp/smartpulse-base.XXXXXX)
trap 'git -C "$root" worktree remove --force "$worktree" >/dev/null 2>&1 || true' EXIT
git -C "$root" worktree add --detach "$worktree" "$base" >/dev/null
echo "base $(git -C "$worktree" rev-parse --short HEAD) vs working tree $(git -C "$root" rev-parse --short HEAD)+changes; $(nproc) cores"
dotnet build -c Release "$worktree/benchmarks/SmartPulse.Benchmarks" -v q -nologo >/dev/null
dotnet build -c Release "$root/benchmarks/SmartPulse.Benchmarks" -v q -nologo >/dev/null
old="$worktree/benchmarks/SmartPulse.Benchmarks/bin/Release/net10.0/SmartPulse.Benchmarks.dll"
new="$root/benchmarks/SmartPulse.Benchmarks/bin/Release/net10.0/SmartPulse.Benchmarks.dll"
declare -A args=([silhouette]="3" [kmeans-1m]="3 accelerated" [ward-dbscan]="1")
log=${LOG:-$(mktemp)}; : > "$log"
for r in $(seq 1 "$rounds"); do
  for b in silhouette kmeans-1m ward-dbscan; do
    for side in old new; do
      dll=$old; [ "$side" = new ] && dll=$new
      dotnet "$dll" "$b" ${args[$b]} | sed "s/^/$side $b | /" | tee -a "$log"
    done
  done
done
echo "--- medians over $rounds rounds (seconds; lower is better)"
/usr/bin/python3 - "$log" <<'PY'
import re, sys, statistics, collections
t = collections.defaultdict(list)
for line in open(sys.argv[1]):
    side, rest = line.split(' ', 1)
    bench, text = rest.split(' | ', 1)
    m = re.match(r'\s*(.*?):? median ([0-9.]+) s', text)
    if m:
        t[(bench, ' '.join(m.group(1).split()), side)].append(float(m.group(2)))
for (bench, label, side) in sorted({(b, l, s) for (b, l, s) in t if s == 'old'}):
    o = statistics.median(t[(bench, label, 'old')]); n = statistics.median(t.get((bench, label, 'new'), [float('nan')]))
    print(f"{bench:12} {label:30} old {o:8.3f}  new {n:8.3f}  new/old {n / o:6.3f}")
PY
