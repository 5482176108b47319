#!/bin/sh
# save-fixture.sh - keep the model exchanges that produced a mutator as a
# replay fixture: tests/generate/fixtures/NAME/transcript.jsonl (the
# invention answered with NAME and every exchange of candidate NAME, each
# request once, in order), history.txt (its verdicts, as `mutsmith show`
# prints them) and result.c (the code the pipeline queued, which the
# library's copy may later outgrow). tests/run_fixtures.sh replays them.
# Usage: scripts/save-fixture.sh WORK NAME   (WORK: generate's --work dir;
#        run while NAME is pending, i.e. before `mutsmith accept NAME`)
set -eu
work=$1; name=$2
src=$(cd "$(dirname "$0")/.." && pwd)
t=$work/transcript.jsonl
[ -f "$t" ] || { echo "save-fixture: no $t" >&2; exit 1; }
out=$src/tests/generate/fixtures/$name
mkdir -p "$out"
grep -e "\"stage\":\"invent\".*\"answer\":\"$name:" -e "\"candidate\":\"$name\"" "$t" |
    awk '{ match($0, /"request":"[0-9a-f]*"/); k = substr($0, RSTART, RLENGTH); if (!(k in seen)) { seen[k] = 1; print } }' \
    > "$out/transcript.jsonl"
grep -q '"stage":"invent"' "$out/transcript.jsonl" || { echo "save-fixture: no invention of $name in $t" >&2; exit 1; }
MUTSMITH_SRC=$src "${MUTSMITH_BIN:-$src/build/mutsmith}" show "$name" 2>/dev/null | sed -n 's/^history: //p' > "$out/history.txt"
[ -s "$out/history.txt" ] || { echo "save-fixture: $name is not pending" >&2; exit 1; }
cp "$src/mutators/pending/$name.c" "$out/result.c"
echo "save-fixture: $out ($(grep -c . "$out/transcript.jsonl") exchanges, history $(cat "$out/history.txt"))"
