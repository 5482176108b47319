# mutsmith - one flat GNU Makefile.
#
#   make            build build/mutsmith (installs missing Debian packages when root)
#   make test       build everything and run every test (lint, unit, golden,
#                   robustness, ASan+UBSan corpus sweep, 2 min of self-fuzzing)
#   make check      the validation sweep of every mutator over corpus/
#   make catalogue  docs/MUTATORS.md from a 3-seed sweep (make test checks it is current)
#   make heldout    the sweep on fresh Csmith programs (HELDOUT_N=20)
#   make fuzz       the main job: a 10-minute campaign on the system clang
#                   (FUZZ_TIME=1h FUZZ_OUT=dir FUZZ_ARGS="--jobs 2 ...")
#   make target-tcc / target-clang   AFL-instrumented compilers to fuzz
#   make bench      benchmarks (figures in bench/README.md)
#   make selffuzz   afl-fuzz on mutsmith itself, ASan+UBSan (SELFFUZZ_TIME=120 s)
#   make corpus-csmith N=20   add N Csmith programs to corpus/csmith/
#   make V=1 ...    show full commands
#
# The LLVM version comes from llvm-config: the newest llvm-config-NN found
# (19..14), else plain llvm-config. Override: make LLVM_CONFIG=llvm-config-14

CC      ?= cc
CFLAGS  ?= -O2 -g
WERROR  ?= 1
WARN_FLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes \
              -Wpointer-arith -Wformat=2 -Wno-format-truncation -Wno-unused-parameter
override CFLAGS += $(WARN_FLAGS) -MMD -MP
ifeq ($(WERROR),1)
override CFLAGS += -Werror
endif
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

ifeq ($(V),1)
Q :=
else
Q := @
endif

B := build
.DEFAULT_GOAL := all
NOCONFIG_GOALS := clean help distclean lint target-tcc target-clang

# ---- configuration: packages and LLVM flags, regenerated when missing ----
ifeq ($(filter-out $(NOCONFIG_GOALS),$(or $(MAKECMDGOALS),all)),)
else
-include $(B)/config.mk
endif

$(B)/config.mk: scripts/deps.sh scripts/configure.sh
	$(Q)mkdir -p $(B)
	$(Q)sh scripts/deps.sh build
	$(Q)LLVM_CONFIG="$(LLVM_CONFIG)" sh scripts/configure.sh > $@.tmp && mv $@.tmp $@

# ---- sources ----
MUTATORS   := $(sort $(wildcard mutators/*.c))
CORE_SRC   := $(sort $(wildcard mutators/core/*.c))
TOOL_SRC   := $(sort $(wildcard mutators/tool/*.c))
GEN_SRC    := $(sort $(wildcard generator/*.c))
LIB_SRC    := $(CORE_SRC) $(MUTATORS) $(filter-out mutators/tool/main.c,$(TOOL_SRC)) $(GEN_SRC)
CPPFLAGS_MS = -Imutators/core -Imutators/tool -Igenerator -I$(B)/gen $(LLVM_CFLAGS)
LDLIBS_MS   = $(LLVM_LDFLAGS) -lclang -lcurl -lcjson -lpthread

obj = $(patsubst %.c,$(B)/$(1)/%.o,$(2))

.PHONY: all test check catalogue catalogue-check heldout bench lint clean help corpus-csmith unit \
        golden robust sweep plugin-test report-test triage-test fuzz-test llm-test sandbox-test \
        generate-test fixtures-test FORCE
all: $(B)/mutsmith $(B)/mutsmith-afl.so

help:
	@sed -n '3,18p' Makefile | sed 's/^# \{0,1\}//'

# ---- generated registry: one X(name) line per mutators/*.c ----
$(B)/gen/registry.def: FORCE
	$(Q)mkdir -p $(B)/gen
	$(Q)for f in $(MUTATORS); do n=$${f##*/}; echo "X($${n%.c})"; done > $@.tmp
	$(Q)if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

$(B)/opt/mutators/core/registry.o $(B)/asan/mutators/core/registry.o: $(B)/gen/registry.def

# ---- objects: opt and asan flavours ----
$(B)/opt/%.o: %.c $(B)/config.mk | $(B)/gen/registry.def
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) $(CPPFLAGS_MS) -fPIC -c $< -o $@

$(B)/asan/%.o: %.c $(B)/config.mk | $(B)/gen/registry.def
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC/SAN  $<")
	$(Q)$(CC) $(CFLAGS) $(SAN_FLAGS) $(CPPFLAGS_MS) -fPIC -c $< -o $@

$(B)/libmutsmith.a: $(call obj,opt,$(LIB_SRC))
	$(Q)rm -f $@ && ar rcs $@ $^

$(B)/asan/libmutsmith.a: $(call obj,asan,$(LIB_SRC))
	$(Q)rm -f $@ && ar rcs $@ $^

# how the generator compiles and links a candidate mutator (generator/candidate_build.c):
# the same warnings, -Werror, the sanitizers, and the libraries of the CLI
$(B)/candidate.mk: Makefile $(B)/config.mk
	$(Q)printf 'CAND_CFLAGS := %s\nCAND_LDLIBS := %s\n' \
	    "-O2 -g $(WARN_FLAGS) -Werror $(SAN_FLAGS)" "$(LDLIBS_MS)" > $@.tmp && mv $@.tmp $@

$(B)/mutsmith: $(call obj,opt,mutators/tool/main.c) $(B)/libmutsmith.a | $(B)/candidate.mk
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $^ -o $@ $(LDLIBS_MS)

$(B)/asan/mutsmith: $(call obj,asan,mutators/tool/main.c) $(B)/asan/libmutsmith.a | $(B)/candidate.mk
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(SAN_FLAGS) $^ -o $@ $(LDLIBS_MS)

# ---- the AFL++ custom mutator plugin: exports only afl_custom_* ----
PLUGIN_SRC := $(sort $(wildcard afl_plugin/*.c))
PLUGIN_LD   = -shared -Wl,--version-script=afl_plugin/exports.map -Wl,--no-undefined

$(B)/mutsmith-afl.so: $(call obj,opt,$(PLUGIN_SRC)) $(B)/libmutsmith.a afl_plugin/exports.map
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(PLUGIN_LD) $(filter %.o %.a,$^) -o $@ $(LDLIBS_MS)

$(B)/asan/mutsmith-afl.so: $(call obj,asan,$(PLUGIN_SRC)) $(B)/asan/libmutsmith.a afl_plugin/exports.map
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(SAN_FLAGS) $(PLUGIN_LD) $(filter %.o %.a,$^) -o $@ $(LDLIBS_MS)

# a plugin with two deliberately faulty mutators (crash, endless loop) on top
# of the real ones, for the isolation test
FAULTY_SRC := $(sort $(wildcard tests/plugin/faulty/*.c))
$(B)/gen-faulty/registry.def: FORCE
	$(Q)mkdir -p $(@D)
	$(Q)for f in $(MUTATORS) $(FAULTY_SRC); do n=$${f##*/}; echo "X($${n%.c})"; done > $@.tmp
	$(Q)if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

$(B)/faulty/registry.o: mutators/core/registry.c $(B)/gen-faulty/registry.def $(B)/config.mk
	@mkdir -p $(@D)
	$(Q)$(CC) $(CFLAGS) -Imutators/core -I$(B)/gen-faulty $(LLVM_CFLAGS) -fPIC -c $< -o $@

$(B)/mutsmith-afl-faulty.so: $(B)/faulty/registry.o $(call obj,opt,$(PLUGIN_SRC) $(FAULTY_SRC)) $(B)/libmutsmith.a
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(PLUGIN_LD) $(filter %.o %.a,$^) -o $@ $(LDLIBS_MS)

# the plugin harness links the plugin's objects directly, under ASan
$(B)/tests/plugin_harness: $(call obj,asan,tests/plugin/harness.c $(PLUGIN_SRC)) $(B)/asan/libmutsmith.a
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(SAN_FLAGS) $^ -o $@ $(LDLIBS_MS)

$(B)/tests/toy_target: tests/plugin/toy_target.c
	@mkdir -p $(@D)
	$(Q)AFL_QUIET=1 afl-clang-fast -O1 $< -o $@

# the LLM client against a scripted fake OpenAI-compatible server
$(B)/tests/fake_llm: $(B)/opt/tests/fake_llm/fake_llm.o
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $^ -o $@ -lcjson

llm-test: $(B)/asan/mutsmith $(B)/tests/fake_llm
	$(Q)sh tests/run_llm.sh $(B)/asan/mutsmith

# candidates compiled and validated in the sandbox (mutsmith try)
sandbox-test: $(B)/mutsmith $(B)/asan/mutsmith
	$(Q)sh tests/run_sandbox.sh $(B)/mutsmith

# the generator end to end against fake_llm; then the recorded transcripts
# of library mutators replayed to their code
generate-test: $(B)/mutsmith $(B)/asan/mutsmith $(B)/libmutsmith.a $(B)/tests/fake_llm \
               $(B)/tests/toy_target
	$(Q)sh tests/run_generate.sh $(B)/asan/mutsmith

fixtures-test: $(B)/mutsmith $(B)/asan/mutsmith
	$(Q)sh tests/run_fixtures.sh $(B)/mutsmith $(FIXTURES)

report-test: $(B)/asan/mutsmith
	$(Q)sh tests/run_report.sh $(B)/asan/mutsmith

triage-test: $(B)/asan/mutsmith
	$(Q)sh tests/run_triage.sh $(B)/asan/mutsmith

# campaigns end to end: guided on the instrumented tcc, unguided on clang
fuzz-test: $(B)/mutsmith $(B)/mutsmith-afl.so
	$(Q)$(MAKE) --no-print-directory target-tcc
	$(Q)sh tests/run_fuzz.sh $(B)/mutsmith "$$(cat $(B)/tcc-afl/target.path)"

plugin-test: $(B)/tests/plugin_harness $(B)/mutsmith-afl.so $(B)/mutsmith-afl-faulty.so $(B)/tests/toy_target
	$(Q)sh tests/run_plugin.sh

# ---- self-fuzzing: mutsmith's own sources under afl-clang-fast + ASan+UBSan ----
# The harness parses each input once and runs every mutator on it
# (tests/selffuzz/harness.c); libclang itself is not instrumented.
# afl-clang-fast is clang 14, which does not know every GCC warning option.
SF_CC      ?= afl-clang-fast
SF_SRC     := $(CORE_SRC) $(MUTATORS) tests/selffuzz/harness.c
SF_CFLAGS   = $(filter-out -Wno-format-truncation,$(CFLAGS)) $(SAN_FLAGS)
SELFFUZZ_TIME ?= 120
SELFFUZZ_OUT  ?= $(B)/selffuzz-out

$(B)/selffuzz/%.o: %.c $(B)/config.mk | $(B)/gen/registry.def
	@mkdir -p $(@D)
	@$(if $(Q),echo "  AFL-CC  $<")
	$(Q)AFL_QUIET=1 $(SF_CC) $(SF_CFLAGS) $(CPPFLAGS_MS) -c $< -o $@

$(B)/selffuzz/mutators/core/registry.o: $(B)/gen/registry.def

$(B)/selffuzz/harness: $(call obj,selffuzz,$(SF_SRC))
	@$(if $(Q),echo "  LINK    $@")
	$(Q)AFL_QUIET=1 $(SF_CC) $(SF_CFLAGS) $^ -o $@ $(LLVM_LDFLAGS) -lclang -lpthread

selffuzz: $(B)/selffuzz/harness
	$(Q)sh scripts/selffuzz.sh $(B)/selffuzz/harness $(SELFFUZZ_TIME) $(SELFFUZZ_OUT)

# ---- AFL-instrumented compiler targets (clang: hours, resumable) ----
.PHONY: target-tcc target-clang fuzz selffuzz
target-tcc:
	bash scripts/build-tcc-afl.sh $(B)/tcc-afl

target-clang:
	bash scripts/build-clang-afl.sh $(if $(JOBS),--jobs $(JOBS)) $(B)/clang-afl

# ---- the main job: a campaign on the system clang with the shipped mutators ----
FUZZ_OUT  ?= fuzz-out
FUZZ_TIME ?= 10m
fuzz: $(B)/config.mk
	$(Q)sh scripts/deps.sh fuzz
	$(Q)$(MAKE) --no-print-directory $(B)/mutsmith $(B)/mutsmith-afl.so
	$(B)/mutsmith fuzz --out $(FUZZ_OUT) --time $(FUZZ_TIME) $(if $(wildcard $(FUZZ_OUT)/campaign.cmd),--resume) $(FUZZ_ARGS)

# ---- tests ----
UNIT_SRC  := $(sort $(wildcard tests/unit/*.c))
UNIT_BINS := $(patsubst tests/unit/%.c,$(B)/tests/%,$(UNIT_SRC))

$(B)/tests/%: $(B)/asan/tests/unit/%.o $(B)/asan/libmutsmith.a
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(SAN_FLAGS) $^ -o $@ $(LDLIBS_MS)

unit: $(UNIT_BINS)
	$(Q)sh tests/run_unit.sh $(UNIT_BINS)

golden: $(B)/asan/mutsmith
	$(Q)sh tests/run_golden.sh $(B)/asan/mutsmith

robust: $(B)/asan/mutsmith
	$(Q)sh tests/run_robust.sh $(B)/asan/mutsmith

sweep: $(B)/asan/mutsmith
	$(Q)sh tests/run_sweep.sh $(B)/asan/mutsmith

test: $(B)/config.mk
	$(Q)sh scripts/deps.sh test fuzz
	$(Q)$(MAKE) --no-print-directory lint
	$(Q)$(MAKE) --no-print-directory $(B)/mutsmith $(B)/asan/mutsmith $(UNIT_BINS)
	$(Q)$(MAKE) --no-print-directory unit golden robust sweep plugin-test report-test \
	    triage-test llm-test sandbox-test generate-test fixtures-test fuzz-test catalogue-check \
	    selffuzz
	@echo "all tests passed"

lint:
	$(Q)sh scripts/lint.sh

check: $(B)/mutsmith
	$(B)/mutsmith check --corpus corpus $(CHECK_ARGS)

# docs/MUTATORS.md from a sweep with 3 seeds; make test only checks that its
# names, categories and descriptions still match the registry
catalogue: $(B)/mutsmith
	$(B)/mutsmith check --corpus corpus --seeds 3 --json -q > $(B)/catalogue.json
	$(B)/mutsmith list --markdown --sweep $(B)/catalogue.json > docs/MUTATORS.md.tmp
	$(Q)mv docs/MUTATORS.md.tmp docs/MUTATORS.md

catalogue-check: $(B)/mutsmith
	$(Q)sh scripts/check-catalogue.sh $(B)/mutsmith

# the sweep on fresh Csmith programs no test uses (seeds from 1000000)
HELDOUT_N ?= 20
heldout: $(B)/mutsmith
	$(Q)sh scripts/deps.sh test
	$(Q)sh scripts/heldout.sh $(B)/mutsmith $(HELDOUT_N)

# ---- benchmarks ----
BENCH_SRC := $(sort $(wildcard bench/*.c))
BENCH_BINS := $(patsubst bench/%.c,$(B)/bench/%,$(BENCH_SRC))
$(B)/bench/%: $(B)/opt/bench/%.o $(B)/libmutsmith.a
	@mkdir -p $(@D)
	$(Q)$(CC) $(CFLAGS) $^ -o $@ $(LDLIBS_MS)

# the plugin harness, optimised, for the worker round-trip figure
$(B)/bench/plugin_harness: $(call obj,opt,tests/plugin/harness.c $(PLUGIN_SRC)) $(B)/libmutsmith.a
	@mkdir -p $(@D)
	$(Q)$(CC) $(CFLAGS) $^ -o $@ $(LDLIBS_MS)

bench: $(B)/mutsmith $(BENCH_BINS) $(B)/bench/plugin_harness
	$(Q)sh bench/run.sh

# ---- corpus ----
N ?= 10
corpus-csmith: $(B)/config.mk
	$(Q)sh scripts/deps.sh test
	$(Q)sh scripts/corpus-csmith.sh $(N)

clean:
	rm -rf $(B)

-include $(shell find $(B)/opt $(B)/asan $(B)/faulty $(B)/selffuzz -name '*.d' 2>/dev/null)
