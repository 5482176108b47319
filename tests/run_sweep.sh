#!/bin/sh
# run_sweep.sh - every mutator over the whole corpus with 5 seeds, in the
# ASan+UBSan build, through `mutsmith check` (the code path the generator
# uses), with leak checks after each call. Fails on any Crash, Hang, Error or
# Leak verdict, on any sanitizer report,
# when a mutator applies nowhere, and when fewer than 85% of the mutants of
# valid inputs compile (mutators invalid by design excluded).
# Usage: tests/run_sweep.sh MUTSMITH [CORPUS]
set -u
bin=$1; corpus=${2:-corpus}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
timeout 1500 "$bin" check --corpus "$corpus" --seeds 5 --timeout 30 --leak-check > "$tmp/table" 2> "$tmp/err"; rc=$?
cat "$tmp/table"
if [ $rc -ne 0 ]; then
    echo "sweep: FAIL check exited $rc"; fail=1
fi
if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error' "$tmp/err"; then
    echo "sweep: FAIL sanitizer report:"; grep -E -A10 'AddressSanitizer|runtime error' "$tmp/err" | head -40; fail=1
fi
# the table: a header line, one line per mutator, then a blank line
rows=$(awk 'NR == 1 { next } NF == 0 { exit } { print }' "$tmp/table")
bad=$(echo "$rows" | awk '$2 == "Crash" || $2 == "Hang" || $2 == "Error" || $2 == "Leak" || $2 == "ApplyFail" { print $1 " " $2 }')
if [ -n "$bad" ]; then
    echo "sweep: FAIL verdicts:"; echo "$bad"; fail=1
fi
n=$(echo "$rows" | grep -c .)
want=$("$bin" list | wc -l)
if [ "$n" -ne "$want" ]; then
    echo "sweep: FAIL $n verdicts for $want mutators"; fail=1
fi
pct=$(sed -n 's/.* compile (\([0-9.]*\)%).*/\1/p' "$tmp/table")
if [ -z "$pct" ] || ! awk -v p="$pct" 'BEGIN { exit !(p >= 85) }'; then
    echo "sweep: FAIL validity ${pct:-?}% is below 85%"; fail=1
fi
[ $fail = 0 ] && echo "sweep: ok ($n mutators, validity $pct%)"
exit $fail
