#!/bin/sh
# heldout.sh - the validation sweep on programs no test, benchmark or seed
# corpus ever uses: N fresh Csmith programs, then `mutsmith check` on them
# with 3 seeds, and the overall figures apart from the corpus's.
#
# Usage: scripts/heldout.sh MUTSMITH [N] [DIR]    (N = 20, DIR = build/heldout)
#
# The programs come from scripts/corpus-csmith.sh (same filters: under 300 KB,
# accepted by clang, runs to completion within 5 s) with Csmith seeds from
# HELDOUT_SEED = 1000000 up (at most 4N tried). The other users of Csmith
# start at seed 1: corpus-csmith (1 to 4N), bench/run.sh (1 to 200) and
# bench/fuzz_tcc.sh (one seed per program generated during its run, about
# 1,300 in 300 s), so 1000000 and up is disjoint from all of them.
# Environment: HELDOUT_SEED, HELDOUT_TIMEOUT (seconds per mutation, 30),
#              CSMITH_INC (default /usr/include/csmith).
# Exit: 0, or 1 when a mutator crashed, hung or reported an error.
set -u
bin=$1; n=${2:-20}; dir=${3:-build/heldout}
seed=${HELDOUT_SEED:-1000000}
inc=${CSMITH_INC:-/usr/include/csmith}
timeout=${HELDOUT_TIMEOUT:-30}

rm -rf "$dir"
SEED=$seed CSMITH_INC=$inc sh scripts/corpus-csmith.sh "$n" "$dir" > "$dir.gen.log" 2>&1 || {
    echo "heldout: FAIL generating the programs:"; tail -5 "$dir.gen.log"; exit 1; }
bytes=$(cat "$dir"/*.c | wc -c)
echo "heldout: $n Csmith programs from seed $seed up ($bytes bytes) in $dir"

json=$dir.json
"$bin" check --corpus "$dir" --seeds 3 --timeout "$timeout" --json -q -- -I"$inc" > "$json"
rc=$?
# one mutator per line in the JSON: sum its counters
awk -v rc=$rc '
function field(k,   m) { return match($0, "\"" k "\": [0-9]+") ? substr($0, RSTART + length(k) + 4, RLENGTH - length(k) - 4) + 0 : 0 }
/"name":/ {
    n++
    match($0, /"verdict": "[A-Za-z]+"/); v = substr($0, RSTART + 12, RLENGTH - 13); verdicts[v]++
    crash += field("crashes"); hang += field("hangs"); err += field("errors")
    mut += field("mutated")
    if ($0 ~ /"invalid_by_design": true/) next
    chk += field("checked"); val += field("valid")
}
END {
    printf "heldout: %d mutators:", n
    for (v in verdicts) printf " %d %s", verdicts[v], v
    printf "\nheldout: %d mutations; validity %d of %d mutants of valid inputs compile (%.1f%%), mutators invalid by design excluded\n", mut, val, chk, chk ? 100 * val / chk : 0
    printf "heldout: %d crash(es), %d hang(s), %d internal error(s) (check exit %d)\n", crash, hang, err, rc
    exit (crash || hang || err || rc) ? 1 : 0
}' "$json"
