#!/bin/sh
# run.sh - run the mutation-engine benchmarks (see bench/README.md).
#   small seed: bench/seed100.c (100 lines, no #include)
#   large: the first Csmith program of 190-260 KB from seeds 1, 2, ...
#          (generated once into build/bench/; csmith writes platform.info
#          into its working directory, so it runs there)
#   BENCH_N=100000 mutations for the memory figure.
set -eu
cd "$(dirname "$0")/.."
small=bench/seed100.c
large=build/bench/csmith_large.c
mkdir -p build/bench
if [ ! -s "$large" ]; then
    command -v csmith >/dev/null || { echo "bench: csmith missing (scripts/deps.sh test)" >&2; exit 1; }
    (
        cd build/bench
        seed=1
        while :; do
            timeout 20 csmith --seed $seed > csmith_large.c.tmp || true
            size=$(wc -c < csmith_large.c.tmp)
            if [ "$size" -ge 190000 ] && [ "$size" -le 260000 ]; then break; fi
            seed=$((seed + 1))
            [ $seed -gt 200 ] && { echo "bench: no csmith program of ~200 KB in seeds 1..200" >&2; exit 1; }
        done
        mv csmith_large.c.tmp csmith_large.c
        echo "bench: csmith seed $seed, $size bytes"
    )
fi
echo "== engine: speed and memory (one process, side by side)"
build/bench/bench_mutate "$small" "$large" "${BENCH_N:-100000}" -- -I/usr/include/csmith -w

echo
echo "== plugin: time afl-fuzz waits for the worker per mutant, against the worker's work"
echo "   (exec = simulated target run between mutants; batches are requested ahead)"
for exec_us in 0 1000; do
    for batch in 1 32 128; do
        rm -f build/bench/plugin.log
        PLUGIN_HARNESS_EXEC_US=$exec_us PLUGIN_HARNESS_CORPUS_ONLY=1 MUTSMITH_BATCH=$batch \
            MUTSMITH_LOG=build/bench/plugin.log build/bench/plugin_harness corpus/*.c > /dev/null
        printf "exec %4d us, batch %4d: " $exec_us $batch
        grep "done:" build/bench/plugin.log | sed 's/^\[[^]]*\] done: //; s/ [0-9]* fallbacks, [0-9]* worker restarts;//'
    done
done
