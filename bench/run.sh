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
echo "== plugin: worker round trip per mutant, side by side with the mutation itself"
for batch in 1 32 128; do
    rm -f build/bench/plugin.log
    PLUGIN_HARNESS_CORPUS_ONLY=1 MUTSMITH_BATCH=$batch MUTSMITH_LOG=build/bench/plugin.log \
        build/bench/plugin_harness corpus/*.c > /dev/null
    printf "batch %4d: " $batch
    grep "done:" build/bench/plugin.log | sed 's/^\[[^]]*\] done: //'
done
