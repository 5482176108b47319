#!/bin/sh
# run_sandbox.sh - candidate validation end to end: `mutsmith try` on the
# candidates in tests/sandbox/ (each names the verdict it must get) and on a
# library mutator (a candidate may share a library mutator's name), checking
# the verdict and its evidence, and that the raw-write candidate left no file
# behind. The tries run two at a time.
# Usage: tests/run_sandbox.sh MUTSMITH   (run from the source tree, after make)
set -u
bin=$1
T=tests/sandbox
C=tests/generate/corpus
tmp=$(mktemp -d)
escape=/tmp/mutsmith-sandbox-escape
rm -f "$escape"
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "sandbox: FAIL $*"; fail=1; }

try() { # name, source
    timeout 120 "$bin" try "$2" --corpus "$C" --seeds 2 --timeout 2 > "$tmp/$1.out" 2>&1
    echo $? > "$tmp/$1.rc"
}

# expect NAME VERDICT [evidence pattern...]
expect() {
    name=$1 want=$2; shift 2
    out=$tmp/$name.out
    got=$(sed -n 's/^verdict: //p' "$out")
    if [ "$got" != "$want" ]; then
        die "$name: verdict '${got:-none}', expected $want"; sed 's/^/    /' "$out" | head -20; return
    fi
    rc=$(cat "$tmp/$name.rc")
    if [ "$want" = OK ] && [ "$rc" -ne 0 ] || [ "$want" != OK ] && [ "$rc" -ne 2 ]; then
        die "$name: exit status $rc"
    fi
    for pat in "$@"; do
        grep -q -- "$pat" "$out" || { die "$name: no '$pat' in the output"; sed 's/^/    /' "$out" | head -20; }
    done
    echo "sandbox: $name -> $got"
}

t0=$(date +%s)
set -- good crash hang socket raw_socket raw_write leak broken
while [ $# -gt 0 ]; do
    try "sbt_$1" "$T/sbt_$1.c" &
    if [ $# -gt 1 ]; then try "sbt_$2" "$T/sbt_$2.c" & shift; fi
    shift
    wait
done
try swap_binary_operands mutators/swap_binary_operands.c

expect sbt_good OK "^---- sample 1: .*, valid" "^+.* - "
expect sbt_crash Crash "(seed 1)" "runtime error: store to null pointer" "mutate sbt_crash.c:"
expect sbt_hang Hang "no result within 2.0 s"
expect sbt_socket Forbidden "calls socket (network)"
expect sbt_leak Leak "Direct leak of 64 byte" "mutate sbt_leak.c:" "SUMMARY: AddressSanitizer: 64 byte"
expect sbt_broken NotCompile "sbt_broken.c:[0-9]*:[0-9]*: error: implicit declaration of function 'zero_literal'"
if [ "$(uname -m)" = x86_64 ]; then
    expect sbt_raw_socket Forbidden "signal 31" "forbidden system call"
    expect sbt_raw_write Forbidden "signal 31" "forbidden system call"
fi
[ -e "$escape" ] && die "sbt_raw_write created $escape"
expect swap_binary_operands OK "^---- sample 1"
# evidence holds no path of this machine
if grep -l -e "$PWD" -e "$tmp" "$tmp"/sbt_*.out; then die "machine paths in the evidence above"; fi

[ $fail -eq 0 ] && echo "sandbox: ok ($(($(date +%s) - t0)) s)"
exit $fail
