#!/bin/sh
# run_robust.sh - hostile inputs: empty file, binary garbage, a 1 MB file, a
# 10,000-deep nested expression (several shapes), prose, only preprocessor
# directives, `#pragma clang __debug crash` / `overflow_stack` (which crash or
# hang libclang's own parse unless neutralised), also split by line splices.
# For each: `mutate --random`, `mutate --count --random` (every mutator's site
# search) and `-m` of every mutator through `check` (child processes, time
# limits). Never a crash, never a hang, never a sanitizer report, always exit
# 0, 2 or 3; and never 2 for the __debug inputs (the pragma must not reach
# libclang, whose crash the parse guard would turn into exit 2).
# Usage: tests/run_robust.sh MUTSMITH
set -u
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
d=$tmp/in; mkdir -p "$d"
fail=0

: > "$d/empty.c"
head -c 65536 /dev/urandom > "$d/garbage.c"
printf 'int main(void) { return 0; }\n\0\0\0\377\376 int x = 1;\n' > "$d/nul_bytes.c"
cat > "$d/prose.c" <<'TXT'
This is not a program. It is a paragraph of plain English text, with
punctuation; some "quotes", and a few numbers like 3.14 and 42.
TXT
cat > "$d/only_cpp.c" <<'TXT'
#define A 1
#define B(x) ((x) + A)
#if B(2) > 2
#  define C 3
#else
#  error no
#endif
#include <stddef.h>
#undef A
TXT
printf '#pragma clang __debug crash\nint f(int a, int b) { return a + b; }\n' > "$d/debug_crash.c"
printf '#pragma clang __debug overflow_stack\nint f(int a, int b) { return a * b; }\n' > "$d/debug_overflow.c"
printf '_Pragma("clang __debug llvm_fatal_error") int g(int a) { return -a; }\n' > "$d/debug_pragma_op.c"
printf '#pragma clang __deb\\\nug crash\nint h(int a) { return a - 1; }\n' > "$d/debug_spliced.c"
# splices clang also accepts: blanks between the backslash and the newline, a lone CR
printf '#pragma clang __deb\\ \nug crash\nint h(int a) { return a - 1; }\n' > "$d/debug_spliced_blank.c"
printf '#pragma clang __de\\\rbug crash\nint h(int a) { return a - 1; }\n' > "$d/debug_spliced_cr.c"
# found by make selffuzz: clang recovers "t s(n){" as a K&R-style definition
# whose parameter list add_function_parameter could not extend (an Error)
printf 'r;t s(n){\n' > "$d/knr_broken.c"
awk 'BEGIN { printf "int f(int x) { return "; for (i = 0; i < 10000; i++) printf "-"; print "x; }" }' > "$d/deep_unary.c"
awk 'BEGIN { printf "int f(int x) { return "; for (i = 0; i < 10000; i++) printf "x + "; print "x; }" }' > "$d/deep_binary.c"
awk 'BEGIN { printf "int f(int x) { return "; for (i = 0; i < 10000; i++) printf "("; printf "x"; for (i = 0; i < 10000; i++) printf ")"; print "; }" }' > "$d/deep_parens.c"
awk 'BEGIN { printf "int f(int x) { "; for (i = 0; i < 10000; i++) printf "if (x) "; print "x++; return x; }" }' > "$d/deep_if.c"
awk 'BEGIN { printf "int f(int x) { "; for (i = 0; i < 10000; i++) printf "{"; printf "x++;"; for (i = 0; i < 10000; i++) printf "}"; print " return x; }" }' > "$d/deep_blocks.c"
awk 'BEGIN { print "int g0(int a, int b) { return a + b; }";
             for (i = 1; i < 99999 && bytes < 1048576; i++) {
                 s = sprintf("static int g%d(int a, int b) { int t = a * %d + b; if (t > %d) t -= b; return g%d(t, a) ^ t; }", i, i, i, i - 1);
                 print s; bytes += length(s) + 1 } }' > "$d/big_1mb.c"

for f in "$d"/*.c; do
    name=$(basename "$f")
    for mode in "--random --seed 1" "--random --seed 2" "--count --random"; do
        # shellcheck disable=SC2086
        # big_1mb.c has 10,000 functions: every mutator's site search runs
        # in about 2 s there (ASan), so 300 s means something went quadratic
        limit=120; case $f in *big_1mb.c) limit=300 ;; esac
        timeout $limit "$bin" mutate $mode "$f" > "$tmp/out" 2> "$tmp/err"; rc=$?
        case $rc in
        0|2|3) ;;
        124) echo "robust: FAIL $name ($mode): hang"; fail=1 ;;
        *) echo "robust: FAIL $name ($mode): exit $rc"; tail -5 "$tmp/err"; fail=1 ;;
        esac
        case $name:$rc in debug_*:2)
            echo "robust: FAIL $name ($mode): exit 2, the __debug pragma reached libclang"; fail=1 ;;
        esac
        if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error' "$tmp/err"; then
            echo "robust: FAIL $name ($mode): sanitizer report"; head -20 "$tmp/err"; fail=1
        fi
        if [ $rc = 0 ] && [ "$mode" != "--count --random" ] && grep -q '__debug' "$tmp/out"; then
            echo "robust: FAIL $name: output holds a __debug pragma"; fail=1
        fi
    done
    echo "robust: $name ok"
done

# every mutator on every small hostile input, in children with time limits
set --
for f in "$d"/*.c; do
    case $f in *big_1mb.c) continue ;; esac
    set -- "$@" --file "$f"
done
timeout 900 "$bin" check "$@" --seeds 2 --timeout 30 -q > "$tmp/check" 2> "$tmp/err"; rc=$?
if [ $rc != 0 ]; then
    echo "robust: FAIL check on hostile inputs: exit $rc"; grep -vE ' OK | ApplyFail | NoChange ' "$tmp/check" | head -30; fail=1
fi
if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error' "$tmp/err"; then
    echo "robust: FAIL sanitizer report during check"; head -30 "$tmp/err"; fail=1
fi
[ $fail = 0 ] && echo "robust: ok"
exit $fail
