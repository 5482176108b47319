#!/bin/sh
# run_plugin.sh - the AFL++ plugin's tests:
#  1. it exports only afl_custom_* hooks;
#  2. the ASan+UBSan harness drives init/fuzz_count/fuzz/describe/deinit over
#     every corpus file plus empty, garbage and 1 MB inputs;
#  3. real afl-fuzz with a plugin holding a crashing and a looping mutator:
#     afl-fuzz keeps running and executing, the worker restarts, both
#     mutators are quarantined and the log says so.
set -u
B=${B:-build}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0

exports=$(nm -D --defined-only "$B/mutsmith-afl.so" | awk '{print $3}' | grep -v '^afl_custom_' || true)
if [ -n "$exports" ]; then
    echo "plugin: FAIL exports more than afl_custom_*: $exports"; fail=1
else
    echo "plugin: exports ok ($(nm -D --defined-only "$B/mutsmith-afl.so" | wc -l) afl_custom_* hooks)"
fi

if ! MUTSMITH_LOG="$tmp/harness.log" timeout 600 "$B/tests/plugin_harness" corpus/*.c > "$tmp/harness.out" 2> "$tmp/harness.err"; then
    echo "plugin: FAIL harness"; tail -20 "$tmp/harness.err"; fail=1
fi
if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error' "$tmp/harness.err" "$tmp/harness.log"; then
    echo "plugin: FAIL sanitizer report in the harness"; grep -A10 -E 'Sanitizer|runtime error' "$tmp/harness.err" | head -30; fail=1
fi
cat "$tmp/harness.out"; tail -1 "$tmp/harness.log"

# isolation under real afl-fuzz
mkdir -p "$tmp/in"
cp corpus/*.c "$tmp/in/" 2>/dev/null
printf 'int main(void) { int a = 1, b = 2; return a + b * 3; }\n' > "$tmp/in/seed.c"
AFL_CUSTOM_MUTATOR_LIBRARY="$PWD/$B/mutsmith-afl-faulty.so" AFL_CUSTOM_MUTATOR_ONLY=1 \
MUTSMITH_MUTATORS=crash_always,loop_forever,swap_binary_operands MUTSMITH_LOG="$tmp/faulty.log" \
MUTSMITH_TIMEOUT_MS=300 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
AFL_DISABLE_TRIM=1 AFL_FAST_CAL=1 AFL_TMPDIR="$tmp" \
    timeout 120 afl-fuzz -i "$tmp/in" -o "$tmp/out" -V 25 -t 1000 -- "$B/tests/toy_target" @@ \
    > "$tmp/afl.out" 2>&1
rc=$?
execs=$(sed -n 's/^execs_done *: *//p' "$tmp/out/default/fuzzer_stats" 2>/dev/null)
if [ $rc != 0 ]; then
    echo "plugin: FAIL afl-fuzz with faulty mutators exited $rc"; tail -15 "$tmp/afl.out"; fail=1
elif [ -z "$execs" ] || [ "$execs" -lt 100 ]; then
    echo "plugin: FAIL afl-fuzz executed only '${execs:-?}' inputs"; fail=1
fi
for m in crash_always loop_forever; do
    if ! grep -q "quarantined mutator $m" "$tmp/faulty.log"; then
        echo "plugin: FAIL $m was not quarantined"; fail=1
    fi
done
if ! grep -q "worker crashed" "$tmp/faulty.log" || ! grep -q "worker timed out" "$tmp/faulty.log"; then
    echo "plugin: FAIL the log shows no worker crash and restart"; fail=1
fi
named=$(ls "$tmp/out/default/queue" | grep -c 'swap_binary_operands' || true)
echo "plugin: faulty run: afl-fuzz exit $rc, $execs execs, $named queue entries by swap_binary_operands"
grep -E 'quarantined|restarts' "$tmp/faulty.log" | sed 's/^/  /'
[ $fail = 0 ] && echo "plugin: ok"
exit $fail
