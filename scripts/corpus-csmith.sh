#!/bin/sh
# corpus-csmith.sh - add Csmith-generated programs to the seed corpus.
#
# Usage: scripts/corpus-csmith.sh N [DIR]        (DIR defaults to corpus/csmith)
#
# Generates Csmith programs with fixed, reproducible seeds (SEED, SEED+1, ...;
# SEED defaults to 1) until N programs have been kept or 4*N seeds have been
# tried. A program is kept as DIR/csmith_<seed>.c only if it
#   - is smaller than 300 KB,
#   - passes  $CLANG -fsyntax-only -I$CSMITH_INC -w,
#   - builds and, run under a 5 s timeout, exits 0 (Csmith programs can
#     loop for a very long time; those are skipped).
# The same csmith version and seed always give the same file.
#
# Csmith programs #include "csmith.h", which lives in /usr/include/csmith on
# Debian (package csmith). mutsmith must therefore be given the include path
# when mutating them, e.g.
#     mutsmith ... corpus/csmith/csmith_1.c -- -I/usr/include/csmith
# scripts/check-corpus.sh only checks *.c directly in its directory, so the
# files in corpus/csmith are not visited by it.
#
# Environment: CSMITH (default csmith), CLANG (default clang-16),
#              CSMITH_INC (default /usr/include/csmith), SEED (default 1).
set -u

CSMITH=${CSMITH:-csmith}
CLANG=${CLANG:-clang-16}
CSMITH_INC=${CSMITH_INC:-/usr/include/csmith}
SEED=${SEED:-1}
MAX_BYTES=307200

usage() {
    echo "usage: $0 N [DIR]   (N > 0; DIR defaults to corpus/csmith)" >&2
    exit 2
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    usage
fi
n=$1
dir=${2:-corpus/csmith}
case $n in
    ''|*[!0-9]*) usage ;;
esac
[ "$n" -gt 0 ] || usage
case $SEED in
    ''|*[!0-9]*) echo "corpus-csmith: SEED must be a non-negative integer, got '$SEED'" >&2; exit 2 ;;
esac

for tool in "$CSMITH" "$CLANG" timeout; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "corpus-csmith: required tool not found: $tool" >&2
        exit 1
    fi
done
if [ ! -f "$CSMITH_INC/csmith.h" ]; then
    echo "corpus-csmith: $CSMITH_INC/csmith.h not found (install the csmith package or set CSMITH_INC)" >&2
    exit 1
fi
if ! mkdir -p "$dir"; then
    echo "corpus-csmith: cannot create output directory: $dir" >&2
    exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/corpus-csmith.XXXXXX") || {
    echo "corpus-csmith: cannot create a temporary directory" >&2
    exit 1
}
trap 'rm -rf "$work"' EXIT INT TERM

kept=0
tried=0
seed=$SEED
max_tries=$((n * 4))
while [ "$kept" -lt "$n" ] && [ "$tried" -lt "$max_tries" ]; do
    tried=$((tried + 1))
    src="$work/csmith_$seed.c"
    reason=""
    # Run csmith inside $work with a relative output name: csmith records its
    # command line in the file, so this keeps the output identical across runs.
    if ! (cd "$work" && "$CSMITH" --seed "$seed" --output "csmith_$seed.c") >"$work/log" 2>&1; then
        reason="csmith failed"
    else
        size=$(wc -c <"$src" | tr -d ' ')
        if [ "$size" -ge "$MAX_BYTES" ]; then
            reason="too large ($size bytes)"
        elif ! "$CLANG" -fsyntax-only -I"$CSMITH_INC" -w "$src" >"$work/log" 2>&1; then
            reason="rejected by $CLANG -fsyntax-only"
        elif ! "$CLANG" -O1 -w -I"$CSMITH_INC" -o "$work/prog" "$src" >"$work/log" 2>&1; then
            reason="build failed"
        else
            timeout 5 "$work/prog" >/dev/null 2>&1
            rc=$?
            if [ "$rc" -eq 124 ]; then
                reason="did not finish within 5 s"
            elif [ "$rc" -ne 0 ]; then
                reason="exit status $rc"
            fi
        fi
    fi
    if [ -z "$reason" ]; then
        if ! cp "$src" "$dir/csmith_$seed.c"; then
            echo "corpus-csmith: cannot write $dir/csmith_$seed.c" >&2
            exit 1
        fi
        kept=$((kept + 1))
        echo "corpus-csmith: [$kept/$n] seed $seed: kept $dir/csmith_$seed.c ($size bytes)"
    else
        echo "corpus-csmith: seed $seed: skipped, $reason"
    fi
    rm -f "$src" "$work/prog"
    seed=$((seed + 1))
done

echo "corpus-csmith: kept $kept of $tried generated programs in $dir"
if [ "$kept" -lt "$n" ]; then
    echo "corpus-csmith: only $kept of $n requested programs passed after $tried seeds" >&2
    exit 1
fi
exit 0
