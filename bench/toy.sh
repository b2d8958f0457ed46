#!/usr/bin/env bash
# Benchmarks the toy kernels (JMH, ToyKernelBenchmark) against the C reference loops of toy.c in one session.
#
# Each repetition runs, for each pair below, the C loop for C_STEPS steps and then the matching JMH benchmark
# (1 fork, 3 x 1 s warmup, 5 x 1 s measurement), so both see the same machine load. The results file gets every
# figure, the median ratios, the commands, the machine and the load of other processes.
#
# Usage: bench/toy.sh [RESULTS_FILE]    (default docs/bench-results/toy-YYYY-MM-DD.txt)
# Environment: TOY_ANCHOR  path of toy.c (default ../shared/bench-anchors/toy.c, relative to the repository root)
#              C_STEPS     steps per C run (default 100000000)
#              REPS        repetitions (default 3)
#              JMH_ARGS    JMH run options (default "-f 1 -wi 3 -w 1 -i 5 -r 1")
set -euo pipefail

cd "$(dirname "$0")/.."
anchor="${TOY_ANCHOR:-../shared/bench-anchors/toy.c}"
c_steps="${C_STEPS:-100000000}"
reps="${REPS:-3}"
results="${1:-docs/bench-results/toy-$(date +%Y-%m-%d).txt}"
work=target/bench-toy
read -r -a jmh_args <<< "${JMH_ARGS:--f 1 -wi 3 -w 1 -i 5 -r 1}"

# C variant, its p argument (empty for the p = 4 loops) and the JMH method doing the same work per step.
# p = 3.5 takes the square-root path of the toy kernels, p = 3.3 their Math.pow path.
pairs=("shallow||plainP4" "deep||scalarP4" "shallow_pow|3.5|plainP35" "deep_pow|3.5|scalarP35"
       "shallow_pow|3.3|plainP33" "deep_pow|3.3|scalarP33")
# Minimum Java/C ratio of each pair.
targets=(0.7 0.7 1.0 1.0 1.0 1.0)

if [[ ! -f "$anchor" ]]; then
    echo "toy.sh: C reference not found at $anchor; set TOY_ANCHOR to the path of toy.c" >&2
    exit 1
fi

mkdir -p "$work" "$(dirname "$results")"
rm -f "$work/rates.tmp"
mvn -q -o -DskipTests test-compile
gcc -O2 -o "$work/toy" "$anchor" -lm
classpath="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
clock_ticks=$(getconf CLK_TCK)

# Prints the busy CPU time of the whole machine so far, in clock ticks (user, nice, system, irq, softirq, steal).
busy_ticks() {
    awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat
}

# Runs a command with its output in $1 and prints "wall_s foreign_cores": the average number of cores that other
# processes kept busy during the run, from /proc/stat minus the command's own user and system time.
run_measured() {
    local log=$1
    shift
    local before after timing
    before=$(busy_ticks)
    timing=$( { TIMEFORMAT='%R %U %S'; time "$@" > "$log" 2>&1; } 2>&1 )
    after=$(busy_ticks)
    awk -v b="$before" -v a="$after" -v hz="$clock_ticks" -v t="$timing" 'BEGIN {
        split(t, f, " "); wall = f[1]; own = f[2] + f[3];
        foreign = ((a - b) / hz - own) / wall; if (foreign < 0) foreign = 0;
        printf "%.2f %.2f\n", wall, foreign }'
}

{
    echo "# Toy kernels: JMH (ToyKernelBenchmark) against toy.c, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (modified)')"
    echo "cpu: $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo), nproc $(nproc), kernel $(uname -r)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "gcc: $(gcc --version | head -1)"
    echo "load at start: $(uptime)"
    echo "commands: gcc -O2 -o $work/toy $anchor -lm; $work/toy VARIANT $c_steps [P];"
    echo "  java -cp target/test-classes:target/classes:\$(cat target/test-classpath.txt) org.openjdk.jmh.Main" \
         "ToyKernelBenchmark.METHOD ${jmh_args[*]} -rf csv"
    echo "columns: rep, C variant, C steps/s, C foreign cores, JMH method, Java steps/s (JMH score), JMH error," \
         "JMH foreign cores, Java/C"
} | tee "$results"

for rep in $(seq 1 "$reps"); do
    for i in "${!pairs[@]}"; do
        IFS='|' read -r variant p method <<< "${pairs[$i]}"
        tag="${method}-${rep}"
        c_command=("$work/toy" "$variant" "$c_steps")
        if [[ -n "$p" ]]; then
            c_command+=("$p")
        fi
        c_load=$(run_measured "$work/c-$tag.log" "${c_command[@]}")
        c_rate=$(grep -o 'steps_per_s=[0-9.e+-]*' "$work/c-$tag.log" | cut -d= -f2)
        j_load=$(run_measured "$work/jmh-$tag.log" java -cp "$classpath" org.openjdk.jmh.Main \
            "ToyKernelBenchmark.$method" "${jmh_args[@]}" -rf csv -rff "$work/jmh-$tag.csv")
        read -r j_rate j_error < <(awk -F, 'NR == 2 {print $5, $6}' "$work/jmh-$tag.csv")
        awk -v r="$rep" -v v="$variant $p" -v c="$c_rate" -v cl="${c_load#* }" -v m="$method" -v j="$j_rate" \
            -v e="$j_error" -v jl="${j_load#* }" 'BEGIN {
            printf "%s  %-14s %.4e  %s  %-10s %.4e  %.2e  %s  %.3f\n", r, v, c, cl, m, j, e, jl, j / c }' \
            | tee -a "$results"
        echo "$method $c_rate $j_rate" >> "$work/rates.tmp"
    done
done

{
    echo "load at end: $(uptime)"
    echo "summary: pair, median C steps/s, median Java steps/s, Java/C of the medians, target"
    for i in "${!pairs[@]}"; do
        IFS='|' read -r variant p method <<< "${pairs[$i]}"
        c_median=$(awk -v m="$method" '$1 == m {print $2}' "$work/rates.tmp" | sort -g | awk '{a[NR] = $1}
            END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')
        j_median=$(awk -v m="$method" '$1 == m {print $3}' "$work/rates.tmp" | sort -g | awk '{a[NR] = $1}
            END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')
        awk -v v="$variant $p" -v m="$method" -v c="$c_median" -v j="$j_median" -v t="${targets[$i]}" 'BEGIN {
            ratio = j / c
            printf "%-10s vs %-14s C %.3e  Java %.3e  ratio %.2f  target >= %.1f: %s\n", m, v, c, j, ratio, t,
                (ratio >= t ? "met" : "missed") }'
    done
} | tee -a "$results"
rm -f "$work/rates.tmp"
