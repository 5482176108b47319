#!/bin/sh
# selffuzz.sh - fuzz mutsmith itself with afl-fuzz: the harness built by
# `make selffuzz` (tests/selffuzz/harness.c, afl-clang-fast + ASan+UBSan over
# the framework and the mutators) parses each input once and runs every
# mutator on it. The seeds are corpus/*.c, the dictionary tests/selffuzz/c.dict.
# Afterwards every crash is re-run with the harness and its first sanitizer
# or invariant line printed. Exits 1 when a crash reproduces (a seed that
# crashes the harness counts too), 0 otherwise; hangs are reported, not
# failed (libclang's own parse time on a monster input is not a mutsmith bug).
#
# Usage: scripts/selffuzz.sh HARNESS [SECONDS] [OUTDIR]
#   SECONDS defaults to 120, OUTDIR to build/selffuzz-out (replaced).
set -u
harness=$1; secs=${2:-120}; out=${3:-build/selffuzz-out}
case $secs in ''|*[!0-9]*) echo "selffuzz: SECONDS must be a number, got '$secs'" >&2; exit 2 ;; esac
command -v afl-fuzz >/dev/null || { echo "selffuzz: afl-fuzz missing (scripts/deps.sh fuzz)" >&2; exit 2; }

rm -rf "$out"; mkdir -p "$out/in"
cp corpus/*.c "$out/in/"

# first line that says what went wrong in a harness run's stderr
first_report() {
    grep -m1 -E 'SUMMARY: |runtime error|invariant violated|AddressSanitizer' "$1" ||
        echo "(no sanitizer line; exit $2)"
}

# run the harness on one input; sets rc and fills $out/replay.err
replay() {
    ASAN_OPTIONS=detect_leaks=0:symbolize=1 UBSAN_OPTIONS=print_stacktrace=1 \
        timeout 120 "$harness" "$1" > /dev/null 2> "$out/replay.err"
    rc=$?
}

# a seed that already crashes stops afl-fuzz in its dry run: check them first
real=0
for f in "$out"/in/*.c; do
    replay "$f"
    if [ $rc != 0 ]; then
        echo "selffuzz: CRASH on seed $(basename "$f"): $(first_report "$out/replay.err" $rc)"
        real=$((real + 1))
    fi
done
[ $real != 0 ] && { echo "selffuzz: FAIL $real seed(s) crash the harness"; exit 1; }

echo "selffuzz: afl-fuzz for $secs s on $(ls "$out/in" | wc -l) seeds, output in $out"
# -t: libclang parses every input, some slowly under ASan; -m none for ASan
AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
AFL_QUIET=1 \
    afl-fuzz -i "$out/in" -o "$out" -V "$secs" -t 5000 -m none -x tests/selffuzz/c.dict \
    -- "$harness" @@ > "$out/afl.log" 2>&1
arc=$?
stats=$out/default/fuzzer_stats
if [ ! -f "$stats" ]; then
    echo "selffuzz: FAIL afl-fuzz did not run (exit $arc); the end of $out/afl.log:"
    tail -20 "$out/afl.log"
    exit 1
fi
stat() { sed -n "s/^$1 *: *//p" "$stats"; }
echo "selffuzz: $(stat run_time) s, $(stat execs_done) execs ($(stat execs_per_sec)/s)," \
     "$(stat corpus_count) queue entries, $(stat edges_found) of $(stat total_edges) edges" \
     "($(stat bitmap_cvg)), $(stat saved_crashes) crash(es), $(stat saved_hangs) hang(s)"

ncrash=0; flaky=0
for f in "$out"/default/crashes/id:*; do
    [ -e "$f" ] || continue
    ncrash=$((ncrash + 1))
    replay "$f"
    if [ $rc = 0 ]; then
        echo "selffuzz: $(basename "$f"): did not reproduce"
        flaky=$((flaky + 1))
    else
        echo "selffuzz: CRASH $(basename "$f"): $(first_report "$out/replay.err" $rc)"
        real=$((real + 1))
    fi
done
nhang=$(ls "$out"/default/hangs 2>/dev/null | grep -c '^id:')
echo "selffuzz: $ncrash crash file(s): $real reproduce, $flaky do not; $nhang hang(s) (not failed)"
[ $real = 0 ] || { echo "selffuzz: FAIL"; exit 1; }
echo "selffuzz: ok"
exit 0
