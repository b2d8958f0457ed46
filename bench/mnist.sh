#!/usr/bin/env bash
# Measures training images per second of the mnist experiment (SameDiff, nd4j oneDNN build) for arch plain and
# overparam, both with the L2 penalty at lambda 5e-4. The PyTorch reference lenet_torch.py runs the same network
# (variants base_l2 and over_prod) alternately with it, so that both see the same machine load. Appends the output
# lines to docs/bench-results/mnist.txt.
#
#   bench/mnist.sh [repetitions] [threads] [timed_steps]      (defaults 3, 2 and 150)
#
# Both programs use GNU OpenMP and inherit the environment, so OMP_WAIT_POLICY=passive bench/mnist.sh measures them
# with threads that sleep at barriers in place of spinning, which matters when other jobs share the cores.
#
# Needs the Debian packages python3-torch, python3-numpy and libopenblas0-pthread, run by Debian's /usr/bin/python3
# (a python3 earlier on PATH may lack them). PyTorch runs with OpenBLAS through LD_LIBRARY_PATH, as a pip
# installation would. Each line ends with win_foreign_cores, the average number
# of cores other processes used during the timed steps: discard runs where it is above about 0.1.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
repetitions=${1:-3}
threads=${2:-2}
steps=${3:-150}
warmup=30
data=$(cd "$root/../shared/data/mnist-10k" && pwd)
anchors=$(cd "$root/../shared/bench-anchors" && pwd)
results=docs/bench-results/mnist.txt
mkdir -p "$(dirname "$results")"

mvn -q -o -B test-compile >&2
classpath="target/classes:target/test-classes:$(cat target/test-classpath.txt)"

{
    echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
        "nproc $(nproc), threads $threads, $steps timed steps after $warmup," \
        "OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-unset}"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$results"

run_java() {
    java -Xmx4g -Dorg.bytedeco.javacpp.cachedir="$root/target/javacpp-cache" \
        -Dlog4j2.configurationFile="$root/conf/log4j2-test.properties" -cp "$classpath" \
        org.depthsweep.bench.MnistThroughput "$1" 5e-4 "$threads" "$warmup" "$steps" "$data" 2>/dev/null
}

run_torch() {
    IDX_DIR="$data" LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread \
        /usr/bin/python3 "$anchors/lenet_torch.py" "$1" "$threads" "$steps" 2>/dev/null
}

for i in $(seq 1 "$repetitions"); do
    echo "run $i: $(run_java plain)" | tee -a "$results"
    echo "run $i: pytorch_$(run_torch base_l2)" | tee -a "$results"
    echo "run $i: $(run_java overparam)" | tee -a "$results"
    echo "run $i: pytorch_$(run_torch over_prod)" | tee -a "$results"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"
