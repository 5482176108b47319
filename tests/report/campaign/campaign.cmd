# campaign.cmd - fixture for tests/run_report.sh (see docs/CAMPAIGN.md)
version 1
kind clang
target /usr/lib/llvm-16/bin/clang
arg -cc1
arg -triple
arg x86_64-pc-linux-gnu
arg -O2
arg -fno-strict-aliasing
arg -emit-obj
arg -o
arg /tmp/mutsmith out.o
arg -x
arg c
arg @@
timeout_ms 3000
guided 1
map_size 65536
env AFL_CRASH_EXITCODE=70
flags -O2 -fno-strict-aliasing
instances 2
