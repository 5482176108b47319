#!/bin/sh
# run_golden.sh - golden tests per mutator, independent of the PRNG.
#
# Layout: tests/golden/<mutator>/<case>.c      input
#         tests/golden/<mutator>/<case>.args   optional mutate options (default: --site 0 --seed 1)
#         tests/golden/<mutator>/<case>.out    expected mutant, or
#         tests/golden/<mutator>/<case>.rc     expected exit code (e.g. 3: no site)
# Every registered mutator must have at least one case with an .out file, and
# every .out of a mutator that is not invalid by design must compile
# (clang -fsyntax-only).
# Usage: tests/run_golden.sh MUTSMITH [--update]   (--update rewrites .out files)
set -u
bin=$1; update=${2:-}
dir=$(dirname "$0")/golden
cc=${MUTSMITH_CC:-$(sed -n 's/^CLANG := //p' build/config.mk 2>/dev/null)}
[ -x "$cc" ] || cc=clang
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0; n=0
"$bin" list --json > "$tmp/list.json" || { echo "golden: mutsmith list failed"; exit 1; }
for m in $("$bin" list | awk '{print $1}'); do
    invalid=0
    grep -q "\"name\": \"$m\".*\"invalid_by_design\": true" "$tmp/list.json" && invalid=1
    if [ "$update" != "--update" ] && ! ls "$dir/$m"/*.out >/dev/null 2>&1; then
        echo "golden: FAIL $m has no golden case (tests/golden/$m/*.c + .out)"; fail=1; continue
    fi
    for c in "$dir/$m"/*.c; do
        base=${c%.c}; n=$((n + 1))
        args="--site 0 --seed 1"; [ -f "$base.args" ] && args=$(cat "$base.args")
        # shellcheck disable=SC2086
        "$bin" mutate -m "$m" $args -o "$tmp/out.c" "$c" 2>"$tmp/err"; rc=$?
        if [ -f "$base.rc" ]; then
            want=$(cat "$base.rc")
            if [ "$rc" != "$want" ]; then
                echo "golden: FAIL $c: exit $rc, expected $want"; cat "$tmp/err"; fail=1
            fi
            continue
        fi
        if [ "$rc" != 0 ]; then
            echo "golden: FAIL $c: exit $rc"; cat "$tmp/err"; fail=1; continue
        fi
        if [ "$update" = "--update" ]; then cp "$tmp/out.c" "$base.out"; fi
        if ! cmp -s "$tmp/out.c" "$base.out"; then
            echo "golden: FAIL $c: output differs from $base.out"
            diff -u "$base.out" "$tmp/out.c" | head -20; fail=1; continue
        fi
        if [ $invalid = 0 ] && ! "$cc" -fsyntax-only -w -x c "$base.out" 2>"$tmp/cc"; then
            echo "golden: FAIL $base.out does not compile:"; head -5 "$tmp/cc"; fail=1
        fi
    done
done
if [ $fail = 0 ]; then echo "golden: ok ($n cases)"; fi
exit $fail
