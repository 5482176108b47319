#!/bin/sh
# run_fuzz.sh - campaigns end to end, through `mutsmith fuzz`:
#  1. a coverage-guided campaign of about 60 s on the AFL-instrumented tcc
#     (make target-tcc) with mutsmith only: queue entries named after
#     mutators must appear, and the plugin must report mutants;
#  2. an unguided campaign of about 30 s on the system clang (-cc1, -n mode)
#     that ends with triage and a report.
# Usage: tests/run_fuzz.sh MUTSMITH TCC
set -u
bin=$1; tcc=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0

# 1. tcc, guided
mkdir -p "$tmp/seeds"
for f in corpus/*.c; do
    # seeds tcc accepts (it lacks VLA parameters)
    "$tcc" -c "$f" -o "$tmp/o.o" 2>/dev/null && cp "$f" "$tmp/seeds/"
done
"$bin" fuzz --target "$tcc" --flags "" --time 60s --seeds "$tmp/seeds" --out "$tmp/tcc" \
    --mutsmith-only --no-triage > "$tmp/tcc.out" 2>&1; rc=$?
if [ $rc -ne 0 ]; then
    echo "fuzz: FAIL tcc campaign exited $rc"; tail -20 "$tmp/tcc.out"; fail=1
fi
grep -q "coverage-guided" "$tmp/tcc.out" || { echo "fuzz: FAIL tcc was not detected as instrumented"; fail=1; }
names=$("$bin" list | awk '{print $1}')
named=0
for q in "$tmp"/tcc/main/queue/id:*; do
    [ -e "$q" ] || continue
    desc=${q##*,execs:}; desc=${desc#*,}; desc=${desc%,+cov}
    first=${desc%%+*}
    if echo "$names" | grep -qx "$first"; then named=$((named + 1)); fi
done
echo "fuzz: tcc: $(ls "$tmp/tcc/main/queue" | grep -c id:) queue entries, $named named after mutators"
grep -h "done:" "$tmp"/tcc/logs/main.mutsmith.log | sed 's/^/  /'
if [ $named -lt 1 ]; then echo "fuzz: FAIL no queue entry named after a mutator"; fail=1; fi

# 2. system clang, unguided, with triage and report
mkdir -p "$tmp/cseeds"
ls corpus/*.c | head -8 | while read -r f; do cp "$f" "$tmp/cseeds/"; done
"$bin" fuzz --time 30s --seeds "$tmp/cseeds" --out "$tmp/clang" > "$tmp/clang.out" 2>&1; rc=$?
if [ $rc -ne 0 ]; then
    echo "fuzz: FAIL clang campaign exited $rc"; tail -20 "$tmp/clang.out"; fail=1
fi
grep -q "NOT AFL-instrumented" "$tmp/clang.out" || { echo "fuzz: FAIL the unguided mode was not announced"; fail=1; }
grep -q '^arg -cc1$' "$tmp/clang/campaign.cmd" || { echo "fuzz: FAIL clang not run as -cc1"; fail=1; }
execs=$(tail -1 "$tmp/clang/main/plot_data" 2>/dev/null | awk -F', ' '{print $12}')
echo "fuzz: clang: ${execs:-0} execs"
[ "${execs:-0}" -gt 0 ] || { echo "fuzz: FAIL no executions on clang"; fail=1; }
[ -f "$tmp/clang/report/report.md" ] || { echo "fuzz: FAIL no report"; fail=1; }
[ -d "$tmp/clang/triage" ] || { echo "fuzz: FAIL no triage"; fail=1; }
tail -3 "$tmp/clang.out" | sed 's/^/  /'
[ $fail = 0 ] && echo "fuzz: ok"
exit $fail
