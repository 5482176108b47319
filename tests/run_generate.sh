#!/bin/sh
# run_generate.sh - the LLM generator end to end, against fake_llm (a local
# OpenAI-compatible server with scripted answers, tests/generate/):
#  1. http: invent -> implement (compile error) -> fix (InvalidChange) ->
#     fix (OK) -> mutators/pending; figures, tokens, cost, transcript; the
#     API key in no file written
#  2. review, show, accept -> golden test; rebuild: the new mutator is in
#     `mutsmith list`, passes its golden test and is enabled in the plugin
#     under afl-fuzz; reject -> recorded, and the next invention prompt
#     lists it
#  3. kill -9 in the middle, run again: finishes with no request sent twice
#  4. --llm replay of the first run's transcript: same code, no server
#  5. --llm manual: prompts answered through files, the first implementation
#     without a code block (sent back as NoCode)
#  6. -n 2 --jobs 2: two candidates worked on at once
#  7. --max-tokens stops the run cleanly (exit 3); a higher budget resumes
# Usage: tests/run_generate.sh MUTSMITH   (run from the source tree, after make)
set -u
bin=$(readlink -f "$1")
B=$PWD/build
fake=$B/tests/fake_llm
[ -x "$fake" ] || { echo "generate: FAIL $fake missing (make build/tests/fake_llm)"; exit 1; }
tmp=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; [ -n "${KEEP_TMP:-}" ] && echo "kept $tmp" || rm -rf "$tmp"; }
trap cleanup EXIT
fail=0
KEY=sk-test-SECRET-gen-5678
NAME=invert_relational_operator
T=tests/generate

die() { echo "generate: FAIL $*"; fail=1; }

# a copy of the source tree (pending/accepted files land in it) with the
# build's objects, so that a rebuild compiles only what changed
copy_tree() {
    mkdir -p "$1"
    tar --exclude=./build --exclude=./.git --exclude=./.mutsmith-gen -cf - . | tar -C "$1" -xf -
    mkdir -p "$1/build"
    cp -a "$B/config.mk" "$B/gen" "$B/opt" "$B/libmutsmith.a" "$1/build/"
}

start_server() { # script, log
    rm -f "$tmp/port"
    "$fake" --script "$1" --port-file "$tmp/port" --log "$2" --key "$KEY" &
    server=$!
    for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
    port=$(cat "$tmp/port")
}
stop_server() { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; server=""; }

gen() { # src, work, extra args...
    src=$1; work=$2; shift 2
    MUTSMITH_SRC="$src" MUTSMITH_BUILD="$B" MUTSMITH_LLM_URL="http://127.0.0.1:${port:-1}/v1" \
    MUTSMITH_LLM_MODEL=fake-model MUTSMITH_LLM_KEY="$KEY" MUTSMITH_PRICE_IN=1 MUTSMITH_PRICE_OUT=2 \
        timeout 600 "$bin" generate -n 1 --work "$work" --corpus "$PWD/$T/corpus" --seeds 2 "$@"
}

# ---- 1. a whole run over HTTP ----
copy_tree "$tmp/src"
start_server "$T/script.json" "$tmp/server.log"
gen "$tmp/src" "$tmp/work" > "$tmp/out1" 2> "$tmp/err1"; rc=$?
stop_server
[ $rc -eq 0 ] || { die "generate exited $rc"; cat "$tmp/out1" "$tmp/err1" | tail -30; }
P=$tmp/src/mutators/pending
[ -f "$P/$NAME.c" ] && [ -f "$P/$NAME.json" ] || die "no mutators/pending/$NAME.{c,json}"
grep -q '"verdict":[[:space:]]*"OK"' "$P/$NAME.json" || die "pending record without verdict OK"
grep -q '"prompt_tokens":[[:space:]]*8300' "$P/$NAME.json" || die "prompt tokens are not 8300"
grep -q '"completion_tokens":[[:space:]]*1235' "$P/$NAME.json" || die "completion tokens are not 1235"
grep -Eq "^$NAME +Pending +OK +4 +8300 +1235 +0\.0108" "$tmp/out1" || { die "final table"; cat "$tmp/out1"; }
grep -q "paid in this run: 4 queries, 8300 prompt + 1235 completion tokens" "$tmp/out1" || die "run totals"
n=$(grep -c . "$tmp/server.log"); [ "$n" -eq 4 ] || die "$n requests reached the server, expected 4"
grep -q '"auth":false' "$tmp/server.log" && die "a request without the key"
[ "$(grep -c . "$tmp/work/candidates/$NAME/transcript.jsonl")" -eq 3 ] || die "candidate transcript"
if grep -rl "SECRET" "$tmp/work" "$tmp/src/mutators" "$tmp/out1" "$tmp/err1" 2>/dev/null; then
    die "the API key was written to the files above"
fi
grep -q 'inverse(op.spelling)' "$P/$NAME.c" || die "pending code is not the fixed version"
# the fix prompts carry the evidence: the compiler's error, clang's error on a mutant
grep -q "implicit declaration of function 'inverse_of'" "$tmp/server.log" || die "NotCompile fix prompt without the compiler error"
grep -q 'clang on the mutant:\\nmutant.c:[0-9]*:[0-9]*: error: expected expression' "$tmp/server.log" ||
    die "InvalidChange fix prompt without clang's error on the mutant"

# ---- 2. review, show, accept, rebuild; reject ----
MUTSMITH_SRC="$tmp/src" "$bin" review > "$tmp/review" 2>&1 || die "review failed"
grep -q "^$NAME .*OK" "$tmp/review" || { die "review does not list $NAME"; cat "$tmp/review"; }
MUTSMITH_SRC="$tmp/src" "$bin" show $NAME > "$tmp/show" 2>&1 || die "show failed"
grep -q "MS_MUTATOR($NAME" "$tmp/show" && grep -q "^---- sample 1" "$tmp/show" \
    && grep -q "history: NotCompile InvalidChange OK" "$tmp/show" || { die "show output"; head -20 "$tmp/show"; }
cp "$P/$NAME.json" "$tmp/record.json"
MUTSMITH_SRC="$tmp/src" "$bin" accept $NAME > "$tmp/accept" 2>&1 || { die "accept failed"; cat "$tmp/accept"; }
[ -f "$tmp/src/mutators/$NAME.c" ] && [ ! -f "$P/$NAME.c" ] || die "accept did not move the code"
[ -f "$tmp/src/tests/golden/$NAME/test1.out" ] || die "accept wrote no golden test"
[ -f "$tmp/src/mutators/accepted/$NAME.json" ] || die "accept kept no record"
(cd "$tmp/src" && make -s WERROR=1 build/mutsmith build/mutsmith-afl.so > "$tmp/make.log" 2>&1) || { die "rebuild failed"; tail -20 "$tmp/make.log"; }
"$tmp/src/build/mutsmith" list | grep -q "^$NAME " || die "$NAME not in mutsmith list after make"
(cd "$tmp/src" && sh tests/run_golden.sh build/mutsmith > "$tmp/golden.log" 2>&1) || { die "golden tests after accept"; tail -5 "$tmp/golden.log"; }
# the plugin: only the new mutator enabled, under a short real afl-fuzz run
mkdir -p "$tmp/afl-in"; cp "$T"/corpus/*.c "$tmp/afl-in/"
AFL_CUSTOM_MUTATOR_LIBRARY="$tmp/src/build/mutsmith-afl.so" AFL_CUSTOM_MUTATOR_ONLY=1 \
MUTSMITH_MUTATORS=$NAME MUTSMITH_LOG="$tmp/plugin.log" AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 \
AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_DISABLE_TRIM=1 AFL_FAST_CAL=1 AFL_TMPDIR="$tmp" \
    timeout 120 afl-fuzz -i "$tmp/afl-in" -o "$tmp/afl-out" -V 15 -t 1000 -- "$B/tests/toy_target" @@ \
    > "$tmp/afl.log" 2>&1
grep -q "1 of [0-9]* mutators enabled" "$tmp/plugin.log" || { die "the plugin does not know $NAME"; cat "$tmp/plugin.log"; }
mutants=$(sed -n 's/.*done: \([0-9]*\) mutants.*/\1/p' "$tmp/plugin.log")
[ "${mutants:-0}" -gt 0 ] || die "the plugin made no mutants with $NAME"
# reject: a second pending record, rejected with a reason
sed "s/$NAME/invert_other_operator/g" "$tmp/record.json" > "$P/invert_other_operator.json"
sed "s/$NAME/invert_other_operator/g" "$tmp/src/mutators/$NAME.c" > "$P/invert_other_operator.c"
MUTSMITH_SRC="$tmp/src" "$bin" reject invert_other_operator --reason "duplicates an accepted one" > /dev/null 2>&1 || die "reject failed"
[ -f "$tmp/src/mutators/rejected/invert_other_operator.json" ] && [ ! -f "$P/invert_other_operator.json" ] || die "reject did not record"
grep -q '"reason":.*duplicates an accepted one' "$tmp/src/mutators/rejected/invert_other_operator.json" || die "reject lost the reason"
# the next invention prompt lists the rejected idea and its reason
start_server "$T/script.json" "$tmp/server2.log"
gen "$tmp/src" "$tmp/work-next" --max-queries 1 > /dev/null 2>&1
stop_server
grep -q 'invert_other_operator: .*(duplicates an accepted one)' "$tmp/server2.log" || die "invention prompt without the rejected idea"

# ---- 3. kill -9 in the middle, then resume ----
copy_tree "$tmp/src3"
start_server "$T/script.json" "$tmp/server3.log"
gen "$tmp/src3" "$tmp/work3" > "$tmp/out3a" 2>&1 &
gpid=$!
for _ in $(seq 600); do
    [ "$(grep -c . "$tmp/work3/transcript.jsonl" 2>/dev/null || echo 0)" -ge 3 ] && break
    sleep 0.1
done
pkill -KILL -P $gpid 2>/dev/null; kill -KILL $gpid 2>/dev/null; wait $gpid 2>/dev/null
before=$(grep -c . "$tmp/server3.log")
[ -f "$tmp/src3/mutators/pending/$NAME.c" ] && die "the kill came too late to test resuming"
gen "$tmp/src3" "$tmp/work3" > "$tmp/out3b" 2>&1 || { die "resumed run failed"; tail -20 "$tmp/out3b"; }
stop_server
total=$(grep -c . "$tmp/server3.log")
distinct=$(sed 's/"n":[0-9]*,//' "$tmp/server3.log" | sed 's/"step":[-0-9]*,//' | sort -u | grep -c .)
[ "$total" -eq 4 ] && [ "$distinct" -eq 4 ] || die "after kill -9 and resume: $total requests ($distinct distinct), expected 4"
grep -q "paid in this run: $((4 - before)) queries" "$tmp/out3b" || { die "resumed run paid for more than the $((4 - before)) missing answers"; grep paid "$tmp/out3b"; }
cmp -s "$tmp/src3/mutators/pending/$NAME.c" "$P/../$NAME.c" || die "resumed run produced different code"
find "$tmp/work3" "$tmp/src3/mutators" -name '*.tmp.*' | grep -q . && die "half-written files left"

# ---- 4. replay the first run's transcript, no server ----
copy_tree "$tmp/src4"
port=1
gen "$tmp/src4" "$tmp/work4" --llm replay "$tmp/work/transcript.jsonl" > "$tmp/out4" 2>&1 || { die "replay run failed"; tail -20 "$tmp/out4"; }
cmp -s "$tmp/src4/mutators/pending/$NAME.c" "$tmp/src/mutators/$NAME.c" || die "replay produced different code"

# ---- 5. the manual backend: answer prompt files ----
copy_tree "$tmp/src5"
gen "$tmp/src5" "$tmp/work5" --llm manual > "$tmp/out5" 2>&1 &
gpid=$!
answered=0
for _ in $(seq 1200); do
    kill -0 $gpid 2>/dev/null || break
    for p in "$tmp"/work5/manual/*.prompt.md; do
        [ -f "$p" ] || continue
        a=${p%.prompt.md}.answer.md
        [ -f "$a" ] && continue
        case ${p##*/} in
        invent-*) src=$T/answers/invent.md ;;
        implement-*) src=$T/answers/nocode.md ;;   # an answer without code first
        fix-*) if grep -q "Verdict: NoCode" "$p"; then src=$T/answers/implement.md
               elif grep -q "Verdict: NotCompile" "$p"; then src=$T/answers/fix1.md
               else src=$T/answers/fix2.md; fi ;;
        *) src=/dev/null ;;
        esac
        cp "$src" "$a.part" && mv "$a.part" "$a"; answered=$((answered + 1))
    done
    sleep 0.2
done
wait $gpid; rc=$?
[ $rc -eq 0 ] || { die "manual run exited $rc"; tail -20 "$tmp/out5"; }
[ $answered -eq 5 ] || die "manual run asked $answered prompts, expected 5"
MUTSMITH_SRC="$tmp/src5" "$bin" show $NAME 2>&1 | grep -q "history: NoCode NotCompile InvalidChange OK" ||
    die "manual run: an answer without code was not sent back as NoCode"
grep -q '"tokens_estimated":[[:space:]]*true' "$tmp/src5/mutators/pending/$NAME.json" || die "manual tokens not marked as estimates"

# ---- 6. two candidates at once (--jobs 2) ----
copy_tree "$tmp/src6"
start_server "$T/jobs.json" "$tmp/server6.log"
gen "$tmp/src6" "$tmp/work6" -n 2 --jobs 2 > "$tmp/out6" 2>&1; rc=$?
stop_server
[ $rc -eq 0 ] || { die "--jobs 2 run exited $rc"; tail -20 "$tmp/out6"; }
for n in $NAME invert_equality_operator; do
    [ -f "$tmp/src6/mutators/pending/$n.c" ] || die "--jobs 2: $n is not pending"
    grep -Eq "^$n +Pending +OK +2 " "$tmp/out6" || die "--jobs 2: $n not in the final table"
done
[ "$(grep -c . "$tmp/server6.log")" -eq 4 ] || die "--jobs 2: $(grep -c . "$tmp/server6.log") requests, expected 4"

# ---- 7. a token budget stops the run cleanly; raising it continues ----
copy_tree "$tmp/src7"
start_server "$T/script.json" "$tmp/server7.log"
gen "$tmp/src7" "$tmp/work7" --max-tokens 1500 > "$tmp/out7" 2>&1; rc=$?
[ $rc -eq 3 ] || { die "budget: exit $rc, expected 3"; tail -5 "$tmp/out7"; }
grep -q "stopped: a budget" "$tmp/out7" || die "budget: no message"
[ "$(grep -c . "$tmp/server7.log")" -eq 2 ] || die "budget: $(grep -c . "$tmp/server7.log") requests, expected 2 (invent, implement)"
[ -f "$tmp/src7/mutators/pending/$NAME.c" ] && die "budget: a candidate finished past the budget"
gen "$tmp/src7" "$tmp/work7" --max-tokens 100000 > "$tmp/out7b" 2>&1 || die "budget: the resumed run failed"
stop_server
[ -f "$tmp/src7/mutators/pending/$NAME.c" ] || die "budget: raising the budget did not finish the candidate"
[ "$(grep -c . "$tmp/server7.log")" -eq 4 ] || die "budget: $(grep -c . "$tmp/server7.log") requests in all, expected 4"

[ $fail -eq 0 ] && echo "generate: ok (http run, review/accept/reject, kill -9 + resume, replay, manual, --jobs 2, budget)"
exit $fail
