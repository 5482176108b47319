#!/bin/sh
# run_triage.sh - end-to-end test of `mutsmith triage` on a fabricated
# campaign whose target is tests/triage/fake_cc.c (a planted assertion on
# inputs holding both `switch` and `goto`). Three crashes of different sizes
# from two mutators and two instances must make exactly one bucket, reduced
# by cvise below the smallest original and still failing the same assertion;
# a `#pragma clang __debug` input, an input that no longer crashes, an
# out-of-memory abort and a "hang" that finishes with a longer limit must be
# listed as false positives. A second run with --no-reduce must replace
# OUT/triage cleanly. Prints `triage: ok`; exits non-zero on any failure.
# Usage: tests/run_triage.sh MUTSMITH
set -u
[ $# -eq 1 ] || { echo "usage: $0 MUTSMITH" >&2; exit 2; }
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)/triage
[ -x "$bin" ] && [ -f "$here/fake_cc.c" ] || { echo "triage: FAIL: no $bin or $here/fake_cc.c"; exit 1; }
tmp=$(mktemp -d) || exit 1
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
status=0
fail() { echo "triage: FAIL: $*"; status=1; }

cc -O1 -o "$tmp/fake_cc" "$here/fake_cc.c" || { echo "triage: FAIL: cannot build fake_cc"; exit 1; }

out=$tmp/out
mkdir -p "$out/main/crashes" "$out/main/hangs" "$out/main/queue" "$out/s1/crashes" "$out/s1/hangs"
{
    echo "# written by run_triage.sh"
    echo "version 1"
    echo "kind other"
    echo "target $tmp/fake_cc"
    echo "arg @@"
    echo "timeout_ms 1000"
    echo "guided 0"
    echo "map_size 0"
    echo "env AFL_CRASH_EXITCODE=70"
    echo "flags"
    echo "instances 2"
} > "$out/campaign.cmd"
c=$out/main/crashes
cp "$here/crash_large.c"  "$c/id:000000,sig:06,src:000001,time:100,execs:200,swap_binary_operands"
cp "$here/crash_medium.c" "$c/id:000001,sig:06,src:000003,time:250,execs:510,remove_statement"
cp "$here/crash_small.c"  "$out/s1/crashes/id:000000,sig:06,src:000002,time:180,execs:377,swap_binary_operands"
cp "$here/debug_pragma.c" "$c/id:000002,sig:06,src:000004,time:300,execs:640,remove_statement"
cp "$here/no_crash.c"     "$c/id:000003,sig:11,src:000001,time:420,execs:900,op:havoc,rep:4"
cp "$here/oom.c"          "$c/id:000004,sig:06,src:000005,time:500,execs:999,swap_binary_operands"
cp "$here/slow.c"         "$out/s1/hangs/id:000000,src:000001,time:90,execs:150,remove_statement"
cp "$here/crash_small.c"  "$out/main/queue/id:000001,orig:crash_small.c"
echo "fuzzer_pid : 0" > "$out/main/fuzzer_stats"
small=$(wc -c < "$here/crash_small.c")

t0=$(date +%s)
"$bin" triage "$out" --reduce-time 120 --jobs 2 > "$tmp/stdout" 2> "$tmp/stderr"
rc=$?
t1=$(date +%s)
cat "$tmp/stdout"
[ $rc -eq 0 ] || { fail "triage exited $rc"; cat "$tmp/stderr"; }
tri=$out/triage

nb=$(find "$tri" -mindepth 1 -maxdepth 1 -type d -name '[0-9][0-9][0-9]-*' 2>/dev/null | wc -l)
[ "$nb" -eq 1 ] || fail "expected exactly one bucket folder, found $nb"
bd=$(find "$tri" -mindepth 1 -maxdepth 1 -type d -name '[0-9][0-9][0-9]-*' 2>/dev/null | head -1)
bd=${bd:-$tri/none}
for f in reduced.c original.c command.sh signature.txt stderr.txt mutators.txt; do
    [ -s "$bd/$f" ] || fail "bucket file $f missing or empty"
done
assertion='Assertion `!InSwitch && "goto in switch"'"'"' failed'
if [ -s "$bd/reduced.c" ]; then
    red=$(wc -c < "$bd/reduced.c")
    [ "$red" -lt "$small" ] || fail "reduced.c ($red bytes) is not smaller than the smallest original ($small bytes)"
    "$tmp/fake_cc" "$bd/reduced.c" > /dev/null 2> "$tmp/red.err"
    r=$?
    [ $r -ge 128 ] || fail "fake_cc does not crash on reduced.c (exit $r)"
    grep -qF "$assertion" "$tmp/red.err" || fail "reduced.c does not fail the same assertion"
    echo "triage: reduced $small -> $red bytes:"
    awk '{ print "    " $0 }' "$bd/reduced.c"
fi
cmp -s "$bd/original.c" "$here/crash_small.c" || fail "original.c is not the smallest crash"
sh "$bd/command.sh" "$bd/original.c" > /dev/null 2> "$tmp/cmd.err"
r=$?
{ [ $r -ge 128 ] && grep -qF "$assertion" "$tmp/cmd.err"; } || fail "command.sh does not reproduce (exit $r)"
grep -qF "$assertion" "$bd/stderr.txt" 2>/dev/null || fail "stderr.txt lacks the assertion"
grep -qF 'failed in clang::Sema::ActOnGotoInSwitch' "$bd/signature.txt" 2>/dev/null ||
    fail "signature.txt: $(cat "$bd/signature.txt" 2>/dev/null)"
grep -q 'swap_binary_operands' "$bd/mutators.txt" 2>/dev/null || fail "mutators.txt lacks swap_binary_operands"
grep -q 'remove_statement' "$bd/mutators.txt" 2>/dev/null || fail "mutators.txt lacks remove_statement"
grep -q '^2	swap_binary_operands$' "$bd/mutators.txt" 2>/dev/null ||
    fail "mutators.txt: swap_binary_operands should count 2"

fp=$tri/false_positives.txt
for name in 'id:000002,sig:06,src:000004' 'id:000003,sig:11' 'id:000004,sig:06' 's1/hangs/id:000000'; do
    grep -qF "$name" "$fp" 2>/dev/null || fail "false_positives.txt does not list $name"
done
grep -F 'id:000002,sig:06' "$fp" 2>/dev/null | grep -q '__debug' || fail "the __debug input has the wrong reason"
grep -F 'id:000003,sig:11' "$fp" 2>/dev/null | grep -q 'does not reproduce' || fail "the stale crash has the wrong reason"
grep -F 'id:000004,sig:06' "$fp" 2>/dev/null | grep -q 'out of memory' || fail "the OOM input has the wrong reason"
grep -F 's1/hangs' "$fp" 2>/dev/null | grep -q 'finishes within the long limit' || fail "the slow input has the wrong reason"
n_fp=$(grep -vc '^#' "$fp" 2>/dev/null)
[ "$n_fp" = 4 ] || fail "false_positives.txt should list 4 inputs, lists $n_fp"

tsv=$tri/summary.tsv
[ "$(head -1 "$tsv" 2>/dev/null)" = "$(printf 'bucket\tkind\tcount\toriginal_bytes\treduced_bytes\tmutators\tsignature')" ] ||
    fail "summary.tsv header"
[ "$(wc -l < "$tsv" 2>/dev/null)" = 2 ] || fail "summary.tsv should have one row"
awk -F'\t' -v s="$small" 'NR == 2 && !($2 == "assertion" && $3 == 3 && $4 == s && $5 < s) { bad = 1 } END { exit bad }' "$tsv" 2>/dev/null ||
    fail "summary.tsv row: $(sed -n 2p "$tsv")"
grep -q 'ActOnGotoInSwitch' "$tri/summary.md" 2>/dev/null || fail "summary.md lacks the bucket"
grep -q 'ActOnGotoInSwitch' "$tmp/stdout" || fail "the summary table was not printed"
ls -d "$out"/triage.* > /dev/null 2>&1 && fail "temporary triage folders left behind"

# the oracle the cvise test script calls back into
sig=$("$bin" triage --signature-of "$here/crash_medium.c" --campaign "$out") || fail "--signature-of failed"
[ "$sig" = "$(cat "$bd/signature.txt" 2>/dev/null)" ] || fail "--signature-of gives '$sig'"
"$bin" triage --signature-of "$here/debug_pragma.c" --campaign "$out" > /dev/null 2>&1 &&
    fail "--signature-of accepts a __debug input"

# a second run replaces OUT/triage
"$bin" triage "$out" --no-reduce -q > "$tmp/stdout2" 2> "$tmp/stderr2" || { fail "second run"; cat "$tmp/stderr2"; }
nb=$(find "$tri" -mindepth 1 -maxdepth 1 -type d -name '[0-9][0-9][0-9]-*' 2>/dev/null | wc -l)
[ "$nb" -eq 1 ] || fail "second run: expected one bucket, found $nb"
cmp -s "$tri/001-"*/reduced.c "$here/crash_small.c" || fail "--no-reduce: reduced.c should be the original"
[ -s "$tmp/stderr2" ] && { fail "-q still printed:"; cat "$tmp/stderr2"; }
ls -d "$out"/triage.* > /dev/null 2>&1 && fail "second run left temporary folders"

echo "triage: first run took $((t1 - t0)) s"
if [ $status -eq 0 ]; then echo "triage: ok"; else echo "triage: FAILED"; fi
exit $status
