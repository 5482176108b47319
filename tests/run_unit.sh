#!/bin/sh
# run_unit.sh - run each unit-test binary (ASan+UBSan builds); fail if any fails.
set -u
fail=0
for t in "$@"; do
    echo "unit: $(basename "$t")"
    "$t" || { echo "unit: FAIL $t"; fail=1; }
done
[ $fail = 0 ] && echo "unit: ok ($# programs)"
exit $fail
