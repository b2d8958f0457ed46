#!/usr/bin/env bash
# Measures the driver's scheduling and commit overhead: runs conf/bench-1000.conf (1000 toy cells of 10^6 steps)
# on local Spark into a fresh folder and compares the sweep's wall time, Spark start-up excluded, with the summed
# compute time of its cells divided by the cores. Appends the figures to docs/bench-results/sweep-overhead.txt.
#
#   bench/sweep-overhead.sh [repetitions]      (default 3)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
repetitions=${1:-3}
results=docs/bench-results/sweep-overhead.txt
mkdir -p "$(dirname "$results")"

{
    echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), nproc $(nproc)"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$results"

for i in $(seq 1 "$repetitions"); do
    out=$(mktemp -d)
    log=$(mktemp)
    submit/local conf/bench-1000.conf --output "$out" --no-fit >"$log" 2>&1 || { cat "$log"; exit 1; }
    line=$(grep 'wall / (compute / cores)' "$log" | sed 's/.*SweepDriver: //')
    echo "run $i: $line" | tee -a "$results"
    rm -rf "$out" "$log"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"
