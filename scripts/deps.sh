#!/bin/sh
# deps.sh - make sure the Debian packages mutsmith needs are installed.
#
# Usage: scripts/deps.sh [build|test|fuzz]...
# Installs what is missing with apt-get when run as root; otherwise prints
# the exact command to run and exits 1. Quiet when everything is present.
set -eu

pkgs_build="make gcc libclang-16-dev clang-16 llvm-16-dev libcurl4-openssl-dev libcjson-dev"
pkgs_test="libclang-rt-16-dev csmith libcsmith-dev"
pkgs_fuzz="afl++ cvise gnuplot-nox"

want=""
[ $# -eq 0 ] && set -- build
for what in "$@"; do
    case "$what" in
    build) want="$want $pkgs_build" ;;
    test) want="$want $pkgs_build $pkgs_test" ;;
    fuzz) want="$want $pkgs_build $pkgs_fuzz" ;;
    *) echo "deps.sh: unknown set '$what' (build, test, fuzz)" >&2; exit 2 ;;
    esac
done

missing=""
for p in $want; do
    case " $missing " in *" $p "*) continue ;; esac
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "mutsmith needs these Debian packages:$missing" >&2
    echo "run:  sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
fi
echo "installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# refresh the package lists only when an install fails on stale ones
if ! apt-get install -y -q $missing >/dev/null 2>&1; then
    apt-get update -q >/dev/null
    apt-get install -y -q $missing >/dev/null
fi
