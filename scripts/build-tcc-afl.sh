#!/usr/bin/env bash
# build-tcc-afl.sh - build an AFL++-instrumented tcc (Tiny C Compiler) to fuzz.
#
# Usage: scripts/build-tcc-afl.sh [OUTDIR]        (default: build/tcc-afl)
#
# Fetches Debian's tcc source package into build/src/ (once; later runs reuse
# the unpacked tree), configures it with --cc=afl-clang-fast and
# --prefix=OUTDIR, builds in OUTDIR/obj and installs into OUTDIR, so that
# OUTDIR/bin/tcc finds its own include dir and libtcc1.a (OUTDIR/lib/tcc) and
# compiles ordinary C files (#include <stdio.h>, linking against the system
# libc). The paths are baked in: do not move OUTDIR after building.
# Then checks the instrumentation (AFL_DUMP_MAP_SIZE, afl-showmap) and writes
# the binary's path to OUTDIR/target.path. Re-running once built only prints
# the path; delete OUTDIR to rebuild.
#
# Needs the Debian packages afl++, make, dpkg-dev (installed when run as
# root; otherwise the exact command is printed).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
prog=build-tcc-afl
log() { printf '%s: %s\n' "$prog" "$*" >&2; }
die() { printf '%s: error: %s\n' "$prog" "$*" >&2; exit 1; }

case "${1:-}" in
-h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
-*) die "unknown option '$1' (usage: $0 [OUTDIR])" ;;
esac
[ $# -le 1 ] || die "usage: $0 [OUTDIR]"
OUT=${1:-$ROOT/build/tcc-afl}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)   # absolute: tcc bakes its install paths in

# ---- already built? ----
if [ -f "$OUT/target.path" ] && [ -x "$(cat "$OUT/target.path")" ]; then
    cat "$OUT/target.path"
    exit 0
fi

# ---- Debian packages (same logic in build-clang-afl.sh) ----
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

# ---- Debian source package, cached in build/src (same logic in build-clang-afl.sh) ----
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

t0=$(date +%s)
if ! command -v afl-clang-fast >/dev/null 2>&1 || ! command -v afl-showmap >/dev/null 2>&1; then
    need_pkgs afl++
fi
command -v make >/dev/null 2>&1 || need_pkgs make
command -v afl-clang-fast >/dev/null 2>&1 || die "afl-clang-fast not on PATH even though afl++ is installed"

fetch_source tcc
t1=$(date +%s)

# ---- configure, build, install ----
OBJ=$OUT/obj
mkdir -p "$OBJ"
export AFL_QUIET=1
log "configure: --cc=afl-clang-fast --prefix=$OUT (log $OBJ/configure.log)"
(cd "$OBJ" && "$SRCDIR/configure" --prefix="$OUT" --cc=afl-clang-fast --debug \
    --extra-cflags="-O2 -g") > "$OBJ/configure.log" 2>&1 ||
    die "configure failed; see $OBJ/configure.log"
jobs=$(nproc 2>/dev/null || echo 2)
log "build: make -j$jobs (log $OBJ/build.log)"
make -C "$OBJ" -j"$jobs" > "$OBJ/build.log" 2>&1 ||
    { tail -n 20 "$OBJ/build.log" >&2; die "make failed; see $OBJ/build.log"; }
make -C "$OBJ" install >> "$OBJ/build.log" 2>&1 ||
    { tail -n 20 "$OBJ/build.log" >&2; die "make install failed; see $OBJ/build.log"; }
TCC=$OUT/bin/tcc
[ -x "$TCC" ] || die "make install left no $TCC"
t2=$(date +%s)

# ---- checks: a standalone compile, then the instrumentation ----
chk=$OUT/check
mkdir -p "$chk"
cat > "$chk/sample.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node { int key; struct node *next; };

static struct node *push(struct node *head, int key)
{
    struct node *n = malloc(sizeof *n);
    if (!n) return head;
    n->key = key;
    n->next = head;
    return n;
}

int main(int argc, char **argv)
{
    struct node *list = NULL;
    char buf[32];
    long sum = 0;
    for (int i = 0; i < 10; i++)
        list = push(list, i * (argc + 1));
    for (struct node *p = list; p; p = p->next)
        sum += p->key % 3 ? p->key : -p->key;
    snprintf(buf, sizeof buf, "%ld", sum);
    printf("%s %zu %s\n", buf, strlen(buf), argc > 1 ? argv[1] : "-");
    while (list) { struct node *n = list->next; free(list); list = n; }
    return 0;
}
EOF
"$TCC" -c "$chk/sample.c" -o "$chk/sample.o" 2> "$chk/compile.log" ||
    { cat "$chk/compile.log" >&2; die "$TCC -c sample.c failed (its include/lib paths?)"; }
if ! "$TCC" "$chk/sample.c" -o "$chk/sample" 2>> "$chk/compile.log" || ! "$chk/sample" > "$chk/run.out"; then
    cat "$chk/compile.log" >&2
    die "$TCC could not build and run a program linked with libc"
fi
mapsize=$(AFL_DUMP_MAP_SIZE=1 "$TCC" 2>/dev/null || true)
case "$mapsize" in
'' | *[!0-9]*) die "AFL_DUMP_MAP_SIZE=1 $TCC printed '$mapsize', not a map size: not instrumented?" ;;
esac
[ "$mapsize" -gt 0 ] || die "map size 0: $TCC is not instrumented"
afl-showmap -o "$chk/map.txt" -e -- "$TCC" -c "$chk/sample.c" -o "$chk/sample.o" > "$chk/showmap.log" 2>&1 || true
tuples=$(sed -n 's/.*Captured \([0-9][0-9]*\) tuples.*/\1/p' "$chk/showmap.log" | tail -n 1)
if [ -z "$tuples" ] || [ "$tuples" -eq 0 ]; then
    cat "$chk/showmap.log" >&2
    die "afl-showmap saw no coverage from $TCC"
fi
t3=$(date +%s)

log "map size $mapsize edges; afl-showmap on check/sample.c: $tuples tuples"
log "time: source $((t1 - t0)) s, configure+build+install $((t2 - t1)) s, checks $((t3 - t2)) s, total $((t3 - t0)) s"
echo "$TCC" > "$OUT/target.path"
echo "$TCC"
