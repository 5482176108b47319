#!/bin/sh
# run_fixtures.sh - replay the recorded generator transcripts of library
# mutators (tests/generate/fixtures/NAME/transcript.jsonl: the exchanges of
# the manual-backend run that produced mutators/NAME.c). For each fixture,
# in a copy of the source tree without mutators/NAME.c, `mutsmith generate
# --llm replay` must walk the same invent -> implement -> fix path with no
# server and end with mutators/pending/NAME.c equal to the code that run
# queued (result.c), the verdict history recorded in history.txt, and no
# token paid.
# Usage: tests/run_fixtures.sh MUTSMITH [NAME...]   (default: every fixture)
set -u
bin=$(readlink -f "$1"); shift
B=$PWD/build
F=tests/generate/fixtures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "fixtures: FAIL $*"; fail=1; }

names="$*"
[ -n "$names" ] || names=$(ls "$F" 2>/dev/null)
[ -n "$names" ] || { echo "fixtures: FAIL no fixtures in $F"; exit 1; }
n=0
for name in $names; do
    fx=$F/$name
    [ -f "$fx/transcript.jsonl" ] && [ -f "$fx/result.c" ] || { die "$name: no $fx/transcript.jsonl or result.c"; continue; }
    src=$tmp/src-$name
    mkdir -p "$src"
    tar --exclude=./build --exclude=./.git --exclude=./.mutsmith-gen -cf - . | tar -C "$src" -xf -
    rm -f "$src/mutators/$name.c" "$src/mutators/accepted/$name.json" \
          "$src/mutators/pending/$name.c" "$src/mutators/pending/$name.json"
    rm -rf "$src/tests/golden/$name"
    MUTSMITH_SRC="$src" MUTSMITH_BUILD="$B" MUTSMITH_LLM_URL=http://127.0.0.1:1/v1 \
        timeout 900 "$bin" generate -n 1 --llm replay "$PWD/$fx/transcript.jsonl" \
        --work "$tmp/work-$name" > "$tmp/out-$name" 2>&1
    rc=$?
    [ $rc -eq 0 ] || { die "$name: generate exited $rc"; tail -15 "$tmp/out-$name"; continue; }
    cmp -s "$src/mutators/pending/$name.c" "$fx/result.c" ||
        { die "$name: the replay did not end with the recorded code"; tail -15 "$tmp/out-$name"; continue; }
    grep -q "paid in this run: 0 queries" "$tmp/out-$name" || die "$name: the replay paid for queries"
    if [ -f "$fx/history.txt" ]; then
        want=$(cat "$fx/history.txt")
        MUTSMITH_SRC="$src" "$bin" show "$name" > "$tmp/show-$name" 2>&1
        grep -q "history: $want\$" "$tmp/show-$name" ||
            die "$name: verdict history is not '$want': $(grep history: "$tmp/show-$name")"
    fi
    n=$((n + 1))
done
[ $fail -eq 0 ] && echo "fixtures: ok ($n replayed to the recorded code)"
exit $fail
