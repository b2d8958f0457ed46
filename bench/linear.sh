#!/usr/bin/env bash
# Compares one gradient step of a depth-3, width-100 linear network on 1000 x 100 data (l_4 loss) in the tool with
# the numpy reference deeplin.py, run alternately in one session so both see the same machine load.
#
# Each repetition runs the JMH steps (DeepLinearStepBench: descentStep and endToEndStep), the thread-CPU-time
# measurement (DeepLinearStepCpuTime), then deeplin.py's prod form with OpenBLAS's default threads and with one
# thread. One run of the layer form follows at the end. Appends every figure, the commands and the load to the
# results file.
#
# Usage: bench/linear.sh [RESULTS_FILE]    (default docs/bench-results/linear-YYYY-MM-DD.txt)
# Environment: DEEPLIN  path of deeplin.py (default ../shared/bench-anchors/deeplin.py, relative to the repository)
#              PYTHON   Python with numpy (default python3)
#              REPS     repetitions (default 3)
set -euo pipefail

cd "$(dirname "$0")/.."
deeplin="${DEEPLIN:-../shared/bench-anchors/deeplin.py}"
python="${PYTHON:-python3}"
reps="${REPS:-3}"
results="${1:-docs/bench-results/linear-$(date +%Y-%m-%d).txt}"

if [[ ! -f "$deeplin" ]]; then
    echo "linear.sh: numpy reference not found at $deeplin; set DEEPLIN to the path of deeplin.py" >&2
    exit 1
fi
if ! "$python" -c 'import numpy' 2>/dev/null; then
    echo "linear.sh: $python cannot import numpy; install it (pip install numpy) or set PYTHON" >&2
    exit 1
fi

mkdir -p "$(dirname "$results")"
mvn -q -o -DskipTests test-compile
classpath="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
jmh=(java -cp "$classpath" org.openjdk.jmh.Main 'DeepLinearStepBench.(descentStep|endToEndStep)$'
     -wi 5 -i 10 -w 1s -r 1s -f 1)
cpu=(java -cp "$classpath" org.depthsweep.bench.DeepLinearStepCpuTime)

{
    echo "# Linear step: tool against deeplin.py, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (modified)')"
    echo "cpu: $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo), nproc $(nproc)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "numpy: $("$python" -c 'import numpy; print(numpy.__version__)')"
    echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "commands: ${jmh[*]}"
    echo "          ${cpu[*]}"
    echo "          $python $deeplin numpy prod 3 2000 float64"
    echo "          OPENBLAS_NUM_THREADS=1 $python $deeplin numpy prod 3 2000 float64"
    echo "          $python $deeplin numpy layer 3 100 float64"
} | tee "$results"

for rep in $(seq 1 "$reps"); do
    echo "== repetition $rep, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"
    "${jmh[@]}" 2>&1 | grep -E '^DeepLinearStepBench\.' | sed 's/^/jmh: /' | tee -a "$results"
    "${cpu[@]}" 2>&1 | grep -E 'round|checksum' | sed 's/^/cpu: /' | tee -a "$results"
    "$python" "$deeplin" numpy prod 3 2000 float64 2>&1 | sed 's/^/numpy prod: /' | tee -a "$results"
    OPENBLAS_NUM_THREADS=1 "$python" "$deeplin" numpy prod 3 2000 float64 2>&1 \
        | sed 's/^/numpy prod 1 thread: /' | tee -a "$results"
done
"$python" "$deeplin" numpy layer 3 100 float64 2>&1 | sed 's/^/numpy layer: /' | tee -a "$results"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"
