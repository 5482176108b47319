#!/bin/sh
# run.sh - run the mutation-engine benchmarks (see bench/README.md).
#   small seed: corpus file closest to 100 lines without #include, or
#               bench/seed100.c; large: a Csmith program of about 200 KB
#               (generated with a fixed seed into build/bench/).
#   BENCH_N=100000 mutations for the memory figure.
set -eu
cd "$(dirname "$0")/.."
small=bench/seed100.c
large=build/bench/csmith_large.c
mkdir -p build/bench
if [ ! -s "$large" ]; then
    command -v csmith >/dev/null || { echo "bench: csmith missing (scripts/deps.sh test)" >&2; exit 1; }
    seed=1
    while :; do
        timeout 20 csmith --seed $seed > "$large.tmp" || true
        size=$(wc -c < "$large.tmp")
        if [ "$size" -ge 190000 ] && [ "$size" -le 260000 ]; then break; fi
        seed=$((seed + 1))
        [ $seed -gt 200 ] && { echo "bench: no csmith program of ~200 KB in seeds 1..200" >&2; exit 1; }
    done
    mv "$large.tmp" "$large"
    echo "bench: csmith seed $seed, $(wc -c < "$large") bytes"
fi
echo "== engine: speed and memory (one process, side by side)"
build/bench/bench_mutate "$small" "$large" "${BENCH_N:-100000}" -- -I/usr/include/csmith -w
