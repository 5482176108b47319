#!/bin/sh
# lint.sh - fail on banned functions and on mutator files that break the
# one-file contract. Run by `make test`.
#   everywhere:   sprintf strcpy strcat gets atoi
#   in mutators:  also malloc calloc realloc free rand srand time, and the
#                 text "#pragma clang __debug"
set -u
status=0
strip_comments() {
    # drop /* */ and // comments and string literals so prose does not trip the check
    sed -e 's://.*$::' "$1" | perl -0pe 's{/\*.*?\*/}{}gs; s{"(\\.|[^"\\])*"}{""}g'
}
for f in $(find mutators afl_plugin generator tests bench -name '*.c' 2>/dev/null | sort); do
    hits=$(strip_comments "$f" | grep -nE '\b(sprintf|strcpy|strcat|gets|atoi)[[:space:]]*\(' || true)
    if [ -n "$hits" ]; then
        echo "lint: $f uses a banned function:"; echo "$hits"; status=1
    fi
done
for f in mutators/*.c; do
    [ -e "$f" ] || continue
    stem=$(basename "$f" .c)
    hits=$(strip_comments "$f" | grep -nE '\b(malloc|calloc|realloc|free|rand|srand|time)[[:space:]]*\(' || true)
    if [ -n "$hits" ]; then
        echo "lint: mutator $f must use the context (ms_alloc, ms_rand), not:"; echo "$hits"; status=1
    fi
    if grep -q '__debug' "$f"; then
        echo "lint: mutator $f mentions __debug"; status=1
    fi
    # (clang-format may break the line after "MS_MUTATOR(")
    if ! tr -d ' \n' < "$f" | grep -q "MS_MUTATOR($stem,"; then
        echo "lint: $f must end with MS_MUTATOR($stem, ...)"; status=1
    fi
    if ! head -3 "$f" | grep -q "^ \* $stem - "; then
        echo "lint: $f must open with a purpose comment ' * $stem - ...'"; status=1
    fi
done
[ $status -eq 0 ] && echo "lint: ok"
exit $status
