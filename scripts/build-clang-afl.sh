#!/usr/bin/env bash
# build-clang-afl.sh - build an AFL++-instrumented, assertion-enabled clang 16.
#
# Usage: scripts/build-clang-afl.sh [--jobs N] [OUTDIR]   (default: build/clang-afl)
#
# Fetches Debian's llvm-toolchain-16 source package (~136 MB) into build/src/
# (once; later runs reuse the unpacked tree), configures LLVM+clang with
# cmake+ninja in OUTDIR (CC=afl-clang-fast, CXX=afl-clang-fast++, X86 only,
# Release, assertions on, tests/benchmarks/examples/analyzer off) and builds
# only the `clang` target. Hours of work on 2 cores, and resumable: stop it
# (Ctrl-C, kill) and run it again, and ninja carries on where it stopped;
# cmake runs only while OUTDIR/build.ninja is missing (delete that file to
# reconfigure). Output: OUTDIR/build.log (everything), progress every 100
# ninja steps on stderr, OUTDIR/build-time.txt (each session's start, end and
# seconds, and the total across resumed runs), and once built, the path of
# OUTDIR/bin/clang in OUTDIR/target.path (also printed on stdout).
#
# Options: --jobs N   parallel compile jobs (default: nproc); links run one
#                     at a time whatever N is.
# Needs the Debian packages afl++, cmake, ninja-build, python3, dpkg-dev
# (installed when run as root; otherwise the exact command is printed).
# Uses lld to link when ld.lld is on PATH, and the system's llvm-tblgen when
# /usr/lib/llvm-16/bin/llvm-tblgen is the same LLVM version as the source
# (set MUTSMITH_SYSTEM_TBLGEN=0 before the first configure to build it).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
prog=build-clang-afl
log() { printf '%s: %s\n' "$prog" "$*" >&2; }
die() { printf '%s: error: %s\n' "$prog" "$*" >&2; exit 1; }
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

JOBS=$(nproc 2>/dev/null || echo 2)
OUT=""
while [ $# -gt 0 ]; do
    case "$1" in
    -h|--help) usage; exit 0 ;;
    -j|--jobs) [ $# -ge 2 ] || die "$1 needs a number"; JOBS=$2; shift 2 ;;
    -j*) JOBS=${1#-j}; shift ;;
    --jobs=*) JOBS=${1#--jobs=}; shift ;;
    -*) die "unknown option '$1' (usage: $0 [--jobs N] [OUTDIR])" ;;
    *) [ -z "$OUT" ] || die "usage: $0 [--jobs N] [OUTDIR]"; OUT=$1; shift ;;
    esac
done
case "$JOBS" in '' | *[!0-9]* | 0) die "--jobs wants a positive number, not '$JOBS'" ;; esac
OUT=${OUT:-$ROOT/build/clang-afl}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
LOG=$OUT/build.log
TIMES=$OUT/build-time.txt
CLANG=$OUT/bin/clang

# one build per OUTDIR at a time (ninja keeps the lock while it runs)
exec 9> "$OUT/.lock"
flock -n 9 || die "another build is running in $OUT (lock $OUT/.lock)"

# ---- already built? ----
if [ -f "$OUT/target.path" ] && [ -x "$(cat "$OUT/target.path")" ] && [ -f "$OUT/build.ninja" ] &&
    ninja -C "$OUT" -n clang 2>/dev/null | grep -q 'no work to do'; then
    cat "$OUT/target.path"
    exit 0
fi

# ---- Debian packages (same logic in build-tcc-afl.sh) ----
need_pkgs() {
    local p missing=""
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        die "missing Debian packages:$missing
run:  sudo apt-get update && sudo apt-get install -y$missing
then run $0 again"
    fi
    log "installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086 # $missing is a list of package names
    apt-get install -y -q $missing >/dev/null 2>&1 ||
        { apt-get update -q >/dev/null && apt-get install -y -q $missing >/dev/null; } ||
        die "apt-get install -y$missing failed"
}

# ---- Debian source package, cached in build/src (same logic in build-tcc-afl.sh) ----
# fetch_source PKG: sets SRCDIR to the unpacked (Debian-patched) tree.
# apt-get runs on a private deb-src copy of the system's deb entries, in
# build/src/.apt, so the system's apt configuration and lists are untouched.
fetch_source() {
    local pkg=$1 top=$ROOT/build/src d
    local stamp=$top/.$pkg.unpacked apt_dir=$top/.apt
    if [ -f "$stamp" ] && d=$(cat "$stamp") && [ -n "$d" ] && [ -d "$top/$d" ]; then
        SRCDIR=$top/$d
        log "source: $SRCDIR (cached)"
        return 0
    fi
    need_pkgs dpkg-dev
    mkdir -p "$apt_dir/lists/partial"
    # deb-src twins of every 'deb' entry: deb822 files and one-line lists
    : > "$apt_dir/debsrc.sources"
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        sed 's/^Types:.*/Types: deb-src/' "$f" >> "$apt_dir/debsrc.sources"
        echo >> "$apt_dir/debsrc.sources"
    done
    cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        sed -n 's/^[[:space:]]*deb[[:space:]]/deb-src /p' > "$apt_dir/debsrc.list" || true
    grep -q . "$apt_dir/debsrc.sources" "$apt_dir/debsrc.list" ||
        die "no 'deb' entry in /etc/apt/sources.list{,.d} to derive a deb-src entry from"
    local apt=(apt-get -q -o Dir::Etc::SourceParts="$apt_dir" -o Dir::Etc::SourceList=/dev/null
        -o Dir::State::Lists="$apt_dir/lists"
        -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache=)
    # _apt cannot always read build/src: keep root when root
    [ "$(id -u)" -eq 0 ] && apt+=(-o APT::Sandbox::User=root)
    log "source: apt-get update (deb-src lists in $apt_dir/lists)"
    "${apt[@]}" update > "$apt_dir/update.log" 2>&1 ||
        die "apt-get update of the deb-src lists failed; see $apt_dir/update.log"
    # a tree left half-unpacked by an interrupted run: dpkg-source refuses to overwrite it
    for d in "$top/$pkg"-[0-9]*/; do [ -d "$d" ] && rm -rf "$d"; done
    log "source: apt-get source $pkg (into $top; log $top/$pkg.fetch.log)"
    (cd "$top" && "${apt[@]}" source "$pkg") > "$top/$pkg.fetch.log" 2>&1 ||
        die "apt-get source $pkg failed; see $top/$pkg.fetch.log
to fetch by hand:  cd $top && ${apt[*]} update && ${apt[*]} source $pkg"
    d=""
    for f in "$top/$pkg"-[0-9]*/; do [ -d "$f" ] && d=$(basename "$f"); done
    [ -n "$d" ] || die "apt-get source $pkg left no $pkg-VERSION directory in $top"
    echo "$d" > "$stamp"
    SRCDIR=$top/$d
    log "source: $SRCDIR"
}

# ---- build-time.txt: one line per session, then the running total ----
# line: PHASE START END SECONDS RESULT...
stamp_of() { date -d "@$1" '+%Y-%m-%dT%H:%M:%S%z'; }
hms() { printf '%dh%02dm%02ds' $(($1 / 3600)) $(($1 % 3600 / 60)) $(($1 % 60)); }
record() {  # record PHASE START_EPOCH RESULT...
    local phase=$1 start=$2 end
    shift 2
    end=$(date +%s)
    {
        [ -f "$TIMES" ] && grep -v '^total' "$TIMES" || echo "# phase start end seconds result"
        printf '%s %s %s %d %s\n' "$phase" "$(stamp_of "$start")" "$(stamp_of "$end")" $((end - start)) "$*"
    } > "$TIMES.new"
    awk '!/^#/ { t += $4; if ($1 == "build") b += $4; n++ }
         END { printf "total %d s (%dh%02dm) over %d sessions; ninja build alone %d s (%dh%02dm)\n",
                      t, t / 3600, t % 3600 / 60, n, b, b / 3600, b % 3600 / 60 }' \
        "$TIMES.new" > "$TIMES.sum"
    cat "$TIMES.new" "$TIMES.sum" > "$TIMES"
    rm -f "$TIMES.new" "$TIMES.sum"
}

t0=$(date +%s)
if ! command -v afl-clang-fast++ >/dev/null 2>&1 || ! command -v afl-showmap >/dev/null 2>&1; then
    need_pkgs afl++
fi
command -v cmake >/dev/null 2>&1 || need_pkgs cmake
command -v ninja >/dev/null 2>&1 || need_pkgs ninja-build
command -v python3 >/dev/null 2>&1 || need_pkgs python3
command -v flock >/dev/null 2>&1 || need_pkgs util-linux
for t in afl-clang-fast afl-clang-fast++ cmake ninja python3; do
    command -v "$t" >/dev/null 2>&1 || die "$t not on PATH even though its package is installed"
done

fetch_source llvm-toolchain-16
if [ ! -f "$SRCDIR/llvm/CMakeLists.txt" ] || [ ! -d "$SRCDIR/clang" ]; then
    die "$SRCDIR has no llvm/CMakeLists.txt or clang/: not the LLVM source layout"
fi
srcver=$(sed -n 's/^[[:space:]]*set(LLVM_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\)).*/\2/p' \
    "$SRCDIR/llvm/CMakeLists.txt" | paste -sd. -)
log "source: LLVM $srcver"

export AFL_QUIET=1   # no afl-cc banner on every compile

# ---- configure (only while build.ninja is missing) ----
if [ ! -f "$OUT/build.ninja" ]; then
    extra=()
    if command -v ld.lld >/dev/null 2>&1; then
        extra+=(-DLLVM_USE_LINKER=lld)
        log "configure: linking with lld ($(ld.lld --version | head -n 1))"
    fi
    systblgen=/usr/lib/llvm-16/bin/llvm-tblgen
    if [ "${MUTSMITH_SYSTEM_TBLGEN:-1}" != 0 ] && [ -x "$systblgen" ] &&
        "$systblgen" --version 2>/dev/null | grep -q "LLVM version $srcver\$"; then
        # same version as the source: skip building (and instrumenting) llvm-tblgen
        extra+=(-DLLVM_TABLEGEN="$systblgen")
        log "configure: using $systblgen (LLVM $srcver)"
    fi
    log "configure: cmake -G Ninja in $OUT (log $LOG)"
    tc=$(date +%s)
    {
        echo "==== $(date '+%F %T') configure: cmake -G Ninja -S $SRCDIR/llvm -B $OUT"
    } >> "$LOG"
    if ! CC=afl-clang-fast CXX=afl-clang-fast++ cmake -G Ninja -S "$SRCDIR/llvm" -B "$OUT" \
        -DCMAKE_C_COMPILER=afl-clang-fast -DCMAKE_CXX_COMPILER=afl-clang-fast++ \
        -DCMAKE_BUILD_TYPE=Release \
        -DLLVM_ENABLE_PROJECTS=clang \
        -DLLVM_TARGETS_TO_BUILD=X86 \
        -DLLVM_ENABLE_ASSERTIONS=ON \
        -DLLVM_INCLUDE_TESTS=OFF -DLLVM_INCLUDE_BENCHMARKS=OFF -DLLVM_INCLUDE_EXAMPLES=OFF \
        -DLLVM_INCLUDE_DOCS=OFF -DCLANG_INCLUDE_DOCS=OFF -DCLANG_INCLUDE_TESTS=OFF \
        -DCLANG_ENABLE_STATIC_ANALYZER=OFF -DCLANG_ENABLE_ARCMT=OFF \
        -DLLVM_ENABLE_BINDINGS=OFF \
        -DLLVM_ENABLE_LIBXML2=OFF -DLLVM_ENABLE_ZLIB=OFF -DLLVM_ENABLE_ZSTD=OFF \
        -DLLVM_ENABLE_TERMINFO=OFF -DLLVM_ENABLE_LIBEDIT=OFF -DLLVM_ENABLE_LIBPFM=OFF \
        -DLLVM_PARALLEL_LINK_JOBS=1 \
        "${extra[@]}" >> "$LOG" 2>&1; then
        record configure "$tc" failed
        rm -f "$OUT/build.ninja"   # so that the next run configures again
        tail -n 25 "$LOG" >&2
        die "cmake failed; see $LOG (and $OUT/CMakeFiles/CMakeError.log)"
    fi
    record configure "$tc" ok
    log "configure: done in $(($(date +%s) - tc)) s"
else
    log "configure: $OUT/build.ninja exists, resuming (delete it to reconfigure)"
fi

# ---- build the clang target, in the background so that signals reach us ----
npid=""
tb=$(date +%s)
last_status() {  # the latest "[N/M]" ninja printed, or nothing
    tail -c 65536 "$LOG" 2>/dev/null | grep -a -o '^\[[0-9]*/[0-9]*\]' | tail -n 1 || true
}
on_signal() {
    trap - INT TERM HUP
    log "interrupted: stopping ninja"
    if [ -n "$npid" ]; then
        kill -TERM "$npid" 2>/dev/null || true
        wait "$npid" 2>/dev/null || true
    fi
    record build "$tb" interrupted at "$(last_status)"
    log "stopped at $(last_status); run $0 again to resume ($(sed -n 's/^total //p' "$TIMES"))"
    exit 130
}
trap on_signal INT TERM HUP

echo "==== $(date '+%F %T') build: ninja -j$JOBS clang" >> "$LOG"
log "build: ninja -j$JOBS clang in $OUT (log $LOG; Ctrl-C stops, re-running resumes)"
NINJA_STATUS='[%f/%t] ' ninja -C "$OUT" -j "$JOBS" clang >> "$LOG" 2>&1 &
npid=$!
first=""
mark=0
while kill -0 "$npid" 2>/dev/null; do
    sleep 5 &
    wait $! || true
    st=$(last_status)
    [ -n "$st" ] || continue
    n=${st#\[}; n=${n%%/*}
    m=${st#*/}; m=${m%]}
    [ -n "$first" ] || { first=$n; mark=$(((n / 100 + 1) * 100)); log "progress: $st (start of this session)"; continue; }
    if [ "$n" -ge "$mark" ]; then
        el=$(($(date +%s) - tb))
        eta=""
        [ "$n" -gt "$first" ] && eta=", rough eta $(hms $((el * (m - n) / (n - first))))"
        log "progress: $st after $(hms "$el") this session$eta"
        mark=$(((n / 100 + 1) * 100))
    fi
done
rc=0
wait "$npid" || rc=$?
npid=""
trap - INT TERM HUP
if [ "$rc" -ne 0 ] && tail -n 3 "$LOG" | grep -q 'build stopped: interrupted by user'; then
    # ninja got the Ctrl-C (the terminal sends it to the whole process group)
    record build "$tb" interrupted at "$(last_status)"
    log "stopped at $(last_status); run $0 again to resume ($(sed -n 's/^total //p' "$TIMES"))"
    exit 130
fi
if [ "$rc" -ne 0 ]; then
    record build "$tb" failed "(ninja exit $rc)" at "$(last_status)"
    if grep -a -q '^FAILED:' "$LOG"; then
        grep -a -A 20 '^FAILED:' "$LOG" | tail -n 40 >&2
    else
        tail -n 40 "$LOG" >&2
    fi
    die "ninja failed (exit $rc) at $(last_status); see $LOG. Fix the cause and run $0 again to resume"
fi
record build "$tb" ok "$(last_status)"
[ -x "$CLANG" ] || die "ninja finished but $CLANG is missing"
log "build: done ($(sed -n 's/^total //p' "$TIMES"))"

# ---- checks: the instrumentation, and a compile of an ordinary C file ----
mapsize=$(AFL_DUMP_MAP_SIZE=1 "$CLANG" 2>/dev/null || true)
case "$mapsize" in
'' | *[!0-9]*) die "AFL_DUMP_MAP_SIZE=1 $CLANG printed '$mapsize', not a map size: not instrumented?" ;;
esac
chk=$OUT/check
mkdir -p "$chk"
cat > "$chk/sample.c" <<'EOF'
#include <stdio.h>
#include <stddef.h>
struct pt { int x, y; };
static int dot(struct pt a, struct pt b) { return a.x * b.x + a.y * b.y; }
int main(void)
{
    struct pt v[] = { { 1, 2 }, { 3, 4 }, { 5, 6 } };
    int s = 0;
    for (size_t i = 0; i + 1 < sizeof v / sizeof v[0]; i++)
        s += dot(v[i], v[i + 1]);
    printf("%d\n", s);
    return 0;
}
EOF
"$CLANG" -O2 -c "$chk/sample.c" -o "$chk/sample.o" 2> "$chk/compile.log" ||
    { cat "$chk/compile.log" >&2; die "$CLANG -c sample.c failed"; }
afl-showmap -o "$chk/map.txt" -e -- "$CLANG" -O2 -c "$chk/sample.c" -o "$chk/sample.o" > "$chk/showmap.log" 2>&1 || true
tuples=$(sed -n 's/.*Captured \([0-9][0-9]*\) tuples.*/\1/p' "$chk/showmap.log" | tail -n 1)
log "map size $mapsize edges; afl-showmap on check/sample.c: ${tuples:-no} tuples"
if [ -z "$tuples" ] || [ "$tuples" -eq 0 ]; then
    cat "$chk/showmap.log" >&2
    die "afl-showmap saw no coverage from $CLANG (see $chk/showmap.log)"
fi
log "time: this run $(hms $(($(date +%s) - t0)))"
echo "$CLANG" > "$OUT/target.path"
echo "$CLANG"
