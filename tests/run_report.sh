#!/bin/sh
# run_report.sh - `mutsmith report` on a fake campaign built from the
# fixtures in tests/report/ (campaign.cmd, fuzzer_stats and plot_data of two
# instances, one with a half-written fuzzer_stats and a plot_data in another
# column order; queue/crash/hang file names from files.txt; a triage
# summary.tsv). Checks the files written, the yield counts, the plots, HTML
# escaping, the unguided and the no-gnuplot variants and the exit codes.
# Usage: tests/run_report.sh MUTSMITH
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "report: FAIL: $*"; fail=1; }

# make_campaign DIR: the fixture campaign with its (empty) AFL++ files
make_campaign() {
    cp -R "$here/report/campaign" "$1"
    grep -v '^#' "$here/report/files.txt" | while IFS= read -r f; do
        [ -n "$f" ] || continue
        case $f in
        */) mkdir -p "$1/$f" ;;
        *) mkdir -p "$1/$(dirname "$f")" && : > "$1/$f" ;;
        esac
    done
    mkdir -p "$1/triage/crash-0001" # hang-0001 has no folder: no link
}

# ---- the guided campaign, with gnuplot if installed
out=$tmp/out
make_campaign "$out"
if ! "$bin" report "$out" > "$tmp/stdout" 2> "$tmp/stderr"; then
    bad "report exited non-zero"; cat "$tmp/stderr"
fi
md=$out/report/report.md
html=$out/report/report.html
[ -s "$md" ] || bad "no report.md"
[ -s "$html" ] || bad "no report.html"
grep -qx "$md" "$tmp/stdout" || bad "report.md path not printed"
grep -qx "$html" "$tmp/stdout" || bad "report.html path not printed"

# yield rows (source | queue | share | +cov | crashes | share | hangs | share),
# counted from files.txt by hand:
#  swap_binary_operands: queue main 2,3,5,10,11 + s1 4 = 6 of 19 (+cov: 2,5,11),
#    crashes main 0,1 = 2 of 3; a stack a+b+a credits each mutator once
#  remove_statement: queue main 4,5 + s1 2 = 3 (all +cov), crashes main 1 + s1 0 = 2
#  fallback_delete_line: queue 1, hangs 1 of 1
#  afl:havoc: 3 (main 7,8, s1 6; one +cov); seed: the 4 orig: entries; sync: 1
#  all files: 19 queue entries (6 with +cov), 3 crashes (README.txt is not one), 1 hang
for row in \
    '| `swap_binary_operands` | 6 | 31.6% | 3 | 2 | 66.7% | 0 | 0.0% |' \
    '| `remove_statement` | 3 | 15.8% | 3 | 2 | 66.7% | 0 | 0.0% |' \
    '| `fallback_delete_line` | 1 | 5.3% | 0 | 0 | 0.0% | 1 | 100.0% |' \
    '| `afl:havoc` | 3 | 15.8% | 1 | 0 | 0.0% | 0 | 0.0% |' \
    '| `afl:splice` | 1 | 5.3% | 0 | 0 | 0.0% | 0 | 0.0% |' \
    '| `negate_condition` | 1 | 5.3% | 0 | 0 | 0.0% | 0 | 0.0% |' \
    '| `seed` | 4 | 21.1% | 0 | 0 | 0.0% | 0 | 0.0% |' \
    '| `sync` | 1 | 5.3% | 0 | 0 | 0.0% | 0 | 0.0% |' \
    '| all files | 19 | 100% | 6 | 3 | 100% | 1 | 100% |'; do
    grep -qxF "$row" "$md" || bad "yield row missing: $row"
done
# sorted by queue entries: swap_binary_operands first
sed -n '/^## Yield/,/^## Triage/p' "$md" | grep '^| `' | head -1 |
    grep -q 'swap_binary_operands' || bad "yield table not sorted by queue entries"
grep -q 'swap_binary_operands</code></td><td class="r">6</td>' "$html" ||
    bad "HTML yield row for swap_binary_operands"

# summary: sums over the two instances
for s in '| total execs | 1,260,000 |' '| edges | 5,223 of 65,536 (7.97%), best instance |' \
    '| crashes | 3 saved; 2 bucket(s) after triage |' '| instances | 2: main, s1 |' \
    '| flags | `-O2 -fno-strict-aliasing` |' '| AFL++ version | ++4.04c |'; do
    grep -qxF "$s" "$md" || bad "summary row missing: $s"
done
grep -qF "s1/fuzzer_stats: last line is incomplete" "$html" ||
    bad "half-written fuzzer_stats not noted"

# plot data: s1's columns reordered, an empty field, a half-written last line
dat=$out/report/data/s1.dat
[ -s "$dat" ] || bad "no data/s1.dat"
grep -qx '1800 ? 4 149.21 0 0 ?' "$dat" || bad "s1.dat: empty edges field not kept as missing"
grep -qx '3420 5009 7 149.21 1 0 ?' "$dat" || bad "s1.dat: columns not mapped by the header"
[ "$(grep -vc '^#' "$dat")" = 20 ] || bad "s1.dat: expected 20 rows (half-written line dropped)"
[ -s "$out/report/plot.gp" ] || bad "no plot.gp"
if command -v gnuplot > "$tmp/junk" 2>&1; then
    for p in coverage execs crashes; do
        [ -s "$out/report/$p.png" ] || bad "$p.png missing or empty"
        grep -qF "($p.png)" "$md" || bad "report.md does not show $p.png"
        grep -qF "<img src=\"$p.png\"" "$html" || bad "report.html does not show $p.png"
    done
else
    echo "report: gnuplot not installed, image checks skipped"
fi

# triage: links to bucket folders that exist, text escaped in the HTML
grep -qF '<a href="../triage/crash-0001/">crash-0001</a>' "$html" || bad "no link to the bucket"
grep -qF '<code>hang-0001</code>' "$html" || bad "bucket without a folder should not be a link"
grep -qF 'x &lt; y&#39; failed in &lt;anonymous&gt;::foldCast' "$html" ||
    bad "signature not HTML-escaped"
grep -qF '<anonymous>' "$html" && bad "raw '<anonymous>' in the HTML"
grep -qF '``Assertion `Ty->isIntegerTy() && x < y'"'"' failed in <anonymous>::foldCast``' "$md" ||
    bad "signature not a code span in report.md"

# ---- unguided, without gnuplot, without triage; -q prints nothing
u=$tmp/unguided
make_campaign "$u"
rm -rf "$u/triage"
sed -i 's/^guided 1$/guided 0/; s/^map_size .*/map_size 0/' "$u/campaign.cmd"
mkdir "$tmp/nopath"
if ! env PATH="$tmp/nopath" "$bin" report -q "$u" > "$tmp/stdout2" 2>&1; then
    bad "unguided report exited non-zero"; cat "$tmp/stdout2"
fi
[ -s "$tmp/stdout2" ] && bad "-q printed something"
umd=$u/report/report.md
grep -qF 'Coverage is not available: the campaign is unguided' "$umd" ||
    bad "unguided: no coverage note"
grep -qxF '| edges | not available (unguided campaign) |' "$umd" || bad "unguided: edges row"
grep -qF 'gnuplot is not installed' "$umd" || bad "no-gnuplot note missing"
ls "$u/report/"*.png > "$tmp/junk" 2>&1 && bad "images written without gnuplot"
grep -q 'using (\$1/60):3 with lines' "$u/report/plot.gp" ||
    bad "unguided: plot.gp should plot corpus_count"
grep -qF 'Triage has not been run' "$umd" || bad "no 'triage has not been run'"
grep -qxF '| `swap_binary_operands` | 6 | 31.6% | 2 | 66.7% | 0 | 0.0% |' "$umd" ||
    bad "unguided yield row (no +cov column)"

# ---- usage and errors
"$bin" report --help > "$tmp/help" 2>&1 || bad "--help exited non-zero"
grep -q 'usage: mutsmith report' "$tmp/help" || bad "--help text"
"$bin" report > "$tmp/junk" 2>&1 && bad "no OUT should fail"
mkdir "$tmp/empty"
"$bin" report "$tmp/empty" > "$tmp/err" 2>&1 && bad "a directory without instances should fail"
grep -q 'no instance directories' "$tmp/err" || bad "error text for a non-campaign directory"
"$bin" report "$tmp/missing" > "$tmp/junk" 2>&1 && bad "a missing directory should fail"

if [ $fail -ne 0 ]; then
    echo "report: FAILED"
    exit 1
fi
echo "report: ok"
