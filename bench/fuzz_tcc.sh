#!/bin/sh
# fuzz_tcc.sh - mutsmith against plain AFL++ on the AFL-instrumented tcc,
# same seeds, same time, side by side in one run (two campaigns at a time on
# a 2-core machine, so every pair shares the machine's noise):
#   havoc          afl-fuzz alone (its havoc and splice stages)
#   mutsmith       the plugin only (AFL_CUSTOM_MUTATOR_ONLY=1)
#   mutsmith+havoc the plugin and AFL's own stages
#   csmith         Csmith programs generated for the same time, fed to tcc
# Edges are counted the same way for all four: afl-showmap -e over the final
# queue (or the Csmith programs), union of tuples. Also prints the share of
# queue entries tcc compiles without error, and the plugin's share of each
# exec's time: what afl-fuzz waited for the worker per mutant (from the
# plugin's log) against the time of one exec.
# Usage: bench/fuzz_tcc.sh [SECONDS]   (default 300; build/tcc-afl needed)
#        bench/fuzz_tcc.sh --measure  (only the table, over the last run)
# BENCH_PLUGIN_ENV="MUTSMITH_STACK=3 ..." sets plugin options for the two
# mutsmith configurations (default: none, the plugin's defaults).
# (tcc unlinks its -o file before writing: never give it /dev/null; and
# afl-showmap hands tcc a file without the .c extension: hence -xc)
set -eu
cd "$(dirname "$0")/.."
measure_only=0
[ "${1:-}" = --measure ] && { measure_only=1; shift; }
T=${1:-300}
tcc=$(cat build/tcc-afl/target.path 2>/dev/null || true)
[ -x "$tcc" ] || { echo "bench: run make target-tcc first" >&2; exit 1; }
plugin=$PWD/build/mutsmith-afl.so
[ -f "$plugin" ] || { echo "bench: run make first" >&2; exit 1; }
out=build/bench/fuzz_tcc
if [ $measure_only = 0 ]; then
rm -rf "$out"; mkdir -p "$out/seeds"
for f in corpus/*.c; do
    "$tcc" -c "$f" -o "$out/o.o" 2>/dev/null && cp "$f" "$out/seeds/"
done
echo "bench: $(ls "$out/seeds" | wc -l) seeds, ${T}s per configuration"

campaign() { # name, extra env...
    name=$1; shift
    env "$@" AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_DISABLE_TRIM=1 \
        AFL_FAST_CAL=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_TMPDIR="$out/$name.tmp" \
        MUTSMITH_LOG="$PWD/$out/$name.mutsmith.log" \
        afl-fuzz -i "$out/seeds" -o "$out/$name" -V "$T" -t 1000 -e c -- "$tcc" -c @@ -o "$out/$name.o" \
        > "$out/$name.afl.log" 2>&1
}
csmith_gen() {
    mkdir -p "$out/csmith"
    end=$(( $(date +%s) + T )); seed=1
    while [ "$(date +%s)" -lt "$end" ]; do
        (cd "$out/csmith" && timeout 10 csmith --seed $seed > p$seed.c 2>/dev/null) || rm -f "$out/csmith/p$seed.c"
        seed=$((seed + 1))
    done
}
mkdir -p "$out/havoc.tmp" "$out/mutsmith.tmp" "$out/both.tmp"
campaign havoc & # shellcheck disable=SC2086
campaign mutsmith AFL_CUSTOM_MUTATOR_LIBRARY="$plugin" AFL_CUSTOM_MUTATOR_ONLY=1 ${BENCH_PLUGIN_ENV:-} & wait
# shellcheck disable=SC2086
campaign both AFL_CUSTOM_MUTATOR_LIBRARY="$plugin" ${BENCH_PLUGIN_ENV:-} & csmith_gen & wait
fi
[ -d "$out/havoc/default/queue" ] || { echo "bench: no campaign in $out" >&2; exit 1; }

edges() { # dir of inputs, extra args
    d=$1; shift
    afl-showmap -C -i "$d" -o "$out/map.tmp" -e -t 2000 -- "$tcc" "$@" -xc -c @@ -o "$out/showmap.o" >/dev/null 2>&1 || true
    grep -c . "$out/map.tmp" 2>/dev/null || echo 0
}
compiles() { # dir of inputs, extra args: share tcc accepts
    d=$1; shift; ok=0; n=0
    for f in "$d"/id:* "$d"/*.c; do
        [ -f "$f" ] || continue
        n=$((n + 1))
        cp "$f" "$out/one.c"
        timeout 5 "$tcc" "$@" -c "$out/one.c" -o "$out/one.o" >/dev/null 2>&1 && ok=$((ok + 1))
    done
    [ $n -gt 0 ] && echo "$((100 * ok / n))% of $n" || echo "-"
}
seeds=$(edges "$out/seeds")
base=$(edges "$out/havoc/default/queue")
echo "the seeds alone: $seeds edges; new = edges beyond the seeds"
printf "%-16s %8s %8s %6s %10s %10s %18s  %s\n" config edges ratio new "new ratio" execs "queue compiles" "plugin wait/exec"
for c in havoc mutsmith both csmith; do
    if [ $c = csmith ]; then
        e=$(edges "$out/csmith" -I/usr/include/csmith); ex=$(ls "$out/csmith" | wc -l); comp=$(compiles "$out/csmith" -I/usr/include/csmith)
        share="-"
    else
        e=$(edges "$out/$c/default/queue")
        ex=$(sed -n 's/^execs_done *: *//p' "$out/$c/default/fuzzer_stats")
        comp=$(compiles "$out/$c/default/queue")
        share="-"
        if [ -f "$out/$c.mutsmith.log" ]; then
            us=$(sed -n 's/.* \([0-9.]*\) us waited for by afl-fuzz.*/\1/p' "$out/$c.mutsmith.log" | tail -1)
            eps=$(sed -n 's/^execs_per_sec *: *//p' "$out/$c/default/fuzzer_stats")
            share=$(awk -v us="${us:-0}" -v eps="${eps:-0}" 'BEGIN { if (eps > 0) printf "%.1f%% (%.0f us of %.0f us)", 100 * us / (1e6 / eps), us, 1e6 / eps; else print "-" }')
        fi
    fi
    printf "%-16s %8s %8s %6s %10s %10s %18s  %s\n" "$c" "$e" "$(awk -v a="$e" -v b="$base" 'BEGIN { printf "%.3f", b ? a / b : 0 }')" \
        "$((e - seeds))" "$(awk -v a="$e" -v b="$base" -v s="$seeds" 'BEGIN { printf "%.3f", ((b > s) ? (a - s) / (b - s) : 0) }')" "$ex" "$comp" "$share"
done
