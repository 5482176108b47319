#!/bin/sh
# check-corpus.sh - validate the seed corpus that mutsmith mutates.
#
# Usage: scripts/check-corpus.sh [DIR]        (DIR defaults to corpus)
#
# For every *.c directly inside DIR (subdirectories such as corpus/csmith
# are not visited) this checks that the file
#   1. passes  $CLANG -std=c11 -fsyntax-only -Werror=implicit-function-declaration
#   2. passes  $GCC -std=c11 -fsyntax-only  and  $GCC -std=gnu11 -fsyntax-only
#   3. builds with $CLANG -fsanitize=address,undefined -fno-sanitize-recover=all
#      and, run under a 10 s timeout, exits 0 without any sanitizer report.
# One line is printed per failure; then a summary. Exit status is 1 if any
# file failed. Files are checked two at a time (xargs -P 2).
# Environment: CLANG (default clang-16), GCC (default gcc), JOBS (default 2).
# The sanitizer build needs the ASan/UBSan runtime (Debian: libclang-rt-16-dev).
set -u

CLANG=${CLANG:-clang-16}
GCC=${GCC:-gcc}
JOBS=${JOBS:-2}

# Internal mode: check one file; prints "OK <file>" or "FAIL <file>: <why>".
if [ "${1:-}" = "--check-one" ]; then
    f=$2
    work=$3
    base=$(basename "$f" .c)
    exe="$work/$base.exe"
    log="$work/$base.log"
    if ! "$CLANG" -std=c11 -fsyntax-only -Werror=implicit-function-declaration "$f" >"$log" 2>&1; then
        echo "FAIL $f: $CLANG -std=c11 -fsyntax-only rejected it: $(grep -m1 'error' "$log")"
        exit 0
    fi
    if ! "$GCC" -std=c11 -fsyntax-only "$f" >"$log" 2>&1; then
        echo "FAIL $f: $GCC -std=c11 -fsyntax-only rejected it: $(grep -m1 'error' "$log")"
        exit 0
    fi
    if ! "$GCC" -std=gnu11 -fsyntax-only "$f" >"$log" 2>&1; then
        echo "FAIL $f: $GCC -std=gnu11 -fsyntax-only rejected it: $(grep -m1 'error' "$log")"
        exit 0
    fi
    if ! "$CLANG" -std=c11 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
            -o "$exe" "$f" >"$log" 2>&1; then
        echo "FAIL $f: sanitizer build failed: $(grep -m1 'error' "$log")"
        exit 0
    fi
    timeout 10 "$exe" >/dev/null 2>"$log"
    rc=$?
    if [ "$rc" -eq 124 ]; then
        echo "FAIL $f: did not finish within 10 s"
    elif grep -qE 'Sanitizer|runtime error' "$log"; then
        echo "FAIL $f: sanitizer report: $(grep -m1 -E 'Sanitizer|runtime error' "$log")"
    elif [ "$rc" -ne 0 ]; then
        echo "FAIL $f: exit status $rc (expected 0)"
    else
        echo "OK $f"
    fi
    rm -f "$exe" "$log"
    exit 0
fi

dir=${1:-corpus}
if [ ! -d "$dir" ]; then
    echo "check-corpus: no such directory: $dir" >&2
    exit 1
fi
for tool in "$CLANG" "$GCC" timeout; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "check-corpus: required tool not found: $tool" >&2
        exit 1
    fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/check-corpus.XXXXXX") || {
    echo "check-corpus: cannot create a temporary directory" >&2
    exit 1
}
trap 'rm -rf "$work"' EXIT INT TERM

: >"$work/list"
for f in "$dir"/*.c; do
    [ -f "$f" ] && printf '%s\n' "$f" >>"$work/list"
done
total=$(wc -l <"$work/list" | tr -d ' ')
if [ "$total" -eq 0 ]; then
    echo "check-corpus: no *.c files in $dir" >&2
    exit 1
fi

# One file per sh invocation, JOBS in parallel (xargs -P is not POSIX but is
# available in GNU and BSD xargs). -I makes xargs take one line per command.
xargs -P "$JOBS" -I{} sh "$0" --check-one {} "$work" <"$work/list" >"$work/results" 2>&1

grep -v '^OK ' "$work/results" | sort | sed 's/^FAIL /check-corpus: FAIL /'
ok=$(grep -c '^OK ' "$work/results")
failed=$((total - ok))
if [ "$failed" -ne 0 ]; then
    echo "check-corpus: $ok files ok, $failed of $total failed"
    exit 1
fi
echo "check-corpus: $ok files ok"
exit 0
