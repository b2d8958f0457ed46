#!/usr/bin/env bash
# Measures how a sweep of CPU-bound cells scales from 1 to 2 standalone workers of 1 core each: runs
# conf/bench-scaling.conf (160 toy cells of 10^7 steps at p = 3.3) on a cluster that submit/standalone starts with
# 1 worker, then on one with 2 workers, and reports cells per second and the ratio 2 workers / 1 worker. The time is
# the driver's sweep wall time, from reading the index to the last commit. Spark start-up is excluded because the
# driver waits until every requested executor has registered (spark.scheduler.minRegisteredResourcesRatio=1).
# The load average (/proc/loadavg) before and after each run and the average number of busy cores of the whole
# machine during it (from /proc/stat) are recorded beside each figure, because other processes on the machine take
# cores from the workers. Appends everything to docs/bench-results/cluster-scaling.txt.
#
#   bench/cluster-scaling.sh [repetitions]      (default 1)
#
# Needs target/depthsweep.jar and target/spark-home (mvn -DskipTests package). Uses target/bench-scaling as work
# folder and stops every process it started, also when interrupted.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
repetitions=${1:-1}
if ! [[ "$repetitions" =~ ^[1-9][0-9]*$ ]]; then
    echo "cluster-scaling.sh: repetitions must be a whole number >= 1, got '$repetitions'" >&2
    exit 2
fi
results=docs/bench-results/cluster-scaling.txt
work=target/bench-scaling
if [ ! -f target/depthsweep.jar ] || [ ! -d target/spark-home/jars ]; then
    echo "building target/depthsweep.jar and target/spark-home (mvn package, tests skipped)..." >&2
    mvn -q -B -DskipTests package >&2
fi
mkdir -p "$work" "$(dirname "$results")"

# Prints a TCP port on 127.0.0.1 that nothing listens on.
free_port() {
    local port
    while true; do
        port=$((20000 + RANDOM % 20000))
        if ! ss -Hltn "sport = :$port" | grep -q .; then
            echo "$port"
            return
        fi
    done
}

# Prints the busy CPU time of the whole machine so far, in clock ticks (user, nice, system, irq, softirq, steal).
busy_ticks() {
    awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat
}
clock_ticks=$(getconf CLK_TCK)

cluster=
cleanup() {
    if [ -n "$cluster" ]; then
        submit/standalone stop --dir "$cluster" > /dev/null || true
    fi
}
trap cleanup EXIT

{
    modified=$(git diff --quiet HEAD -- src conf bench || echo ' (modified)')
    echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) commit $(git rev-parse --short HEAD)$modified," \
        "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), nproc $(nproc)"
    echo "command: bench/cluster-scaling.sh $repetitions; sweep conf/bench-scaling.conf; workers of 1 core and 1g;"
    echo "  submit/cluster --master URL --executors N --executor-cores 1 --executor-memory 1g"
    echo "  --jar target/depthsweep.jar --conf spark.scheduler.minRegisteredResourcesRatio=1"
    echo "  conf/bench-scaling.conf --output DIR --no-fit"
} | tee -a "$results"

declare -A rates
for rep in $(seq 1 "$repetitions"); do
    for workers in 1 2; do
        cluster="$root/$work/cluster-$workers"
        submit/standalone start --workers "$workers" --cores 1 --memory 1g --dir "$cluster" \
            --port "$(free_port)" --webui-port "$(free_port)" > /dev/null
        out="$work/output-$workers"
        log="$work/driver-$workers.log"
        rm -rf "$out"
        load_before=$(cut -d' ' -f1-3 /proc/loadavg)
        ticks_before=$(busy_ticks)
        started=$(date +%s.%N)
        submit/cluster --master "$(cat "$cluster/master-url")" --executors "$workers" --executor-cores 1 \
            --executor-memory 1g --jar target/depthsweep.jar \
            --conf spark.scheduler.minRegisteredResourcesRatio=1 \
            conf/bench-scaling.conf --output "$out" --no-fit > "$log" 2>&1 || { cat "$log"; exit 1; }
        load_after=$(cut -d' ' -f1-3 /proc/loadavg)
        busy=$(awk -v b="$ticks_before" -v a="$(busy_ticks)" -v hz="$clock_ticks" -v s="$started" \
            -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", (a - b) / hz / (e - s) }')
        submit/standalone stop --dir "$cluster" > /dev/null
        cluster=
        line=$(grep -m1 'SweepDriver: sweep bench-scaling: ran' "$log")
        cells=$(sed 's/.* ran \([0-9]*\) cells in .*/\1/' <<< "$line")
        seconds=$(sed 's/.* cells in \([0-9.]*\) s .*/\1/' <<< "$line")
        rate=$(awk -v c="$cells" -v s="$seconds" 'BEGIN { printf "%.3f", c / s }')
        rates[$rep-$workers]=$rate
        echo "rep $rep, $workers worker(s): $cells cells in $seconds s = $rate cells/s;" \
            "load before $load_before, after $load_after; machine busy cores during the run $busy of $(nproc)" \
            | tee -a "$results"
        rm -rf "$out"
    done
    awk -v one="${rates[$rep-1]}" -v two="${rates[$rep-2]}" -v r="$rep" \
        'BEGIN { printf "rep %s: ratio 2 workers / 1 worker = %.2f (target >= 1.7)\n", r, two / one }' \
        | tee -a "$results"
done
