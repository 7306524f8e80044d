# sitrep - one non-recursive Makefile.
#
#   make              build build/sitrep (and the mock-cluster launcher)
#   make deps         install the Debian packages the build and tests need
#   make gazetteer    fetch GeoNames-derived data and compile the gazetteer
#   make test         the whole suite (unit, golden, integration); ends with
#                     "N passed, N failed"; SANITIZE=1 for ASan+UBSan
#   make demo         mock Kafka + local geocoder + worker on sample articles
#   make eval DATA=f  extraction accuracy on a labelled JSONL file (without
#                     DATA: the project's own sets, tests/eval/heldout*.jsonl)
#   make bench        throughput benchmarks
#   make fuzz         libFuzzer targets (tests/fuzz), FUZZ_SECONDS each

PKG_CONFIG ?= pkg-config
PKGS       := rdkafka libcurl avro-c jansson libmicrohttpd libutf8proc libxxhash
CFLAGS     ?= -O2 -g
STD        := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN       := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
              -Wformat=2 -Wundef -Wwrite-strings -Wno-format-nonliteral
ifeq ($(WERROR),1)
WARN       += -Werror
endif

ifeq ($(SANITIZE),1)
BUILD      ?= build/asan
SAN        := -fsanitize=address,undefined -fno-sanitize-recover=all \
              -fno-omit-frame-pointer
else
BUILD      ?= build
SAN        :=
endif

# Where the binary looks for its data by default (override for packaging:
# make DATADIR=/usr/share/sitrep CONFDIR=/etc/sitrep, from a clean tree).
DATADIR    ?= $(CURDIR)/build/share
CONFDIR    ?= $(CURDIR)/config
# Where `make gazetteer` writes; shared by every build variant.
GAZETTEER  := build/share/gazetteer.tsv
GAZ_CACHE  ?= $(HOME)/.cache/sitrep/gazetteer

PKG_CFLAGS := $(patsubst -I%,-isystem %,$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
SR_CFLAGS  := $(STD) $(WARN) $(SAN) -MMD -MP $(PKG_CFLAGS) \
              -DSR_DATADIR='"$(DATADIR)"' -DSR_CONFDIR='"$(CONFDIR)"'
SR_LDFLAGS := $(SAN)
SR_LIBS    := $(PKG_LIBS) -lpthread -lm

# Layering through include paths: codecs/ and config/ see only worker/util.
WORKER_DIRS := $(shell find worker -type d)
WORKER_INC  := $(addprefix -I,$(WORKER_DIRS)) -Icodecs -Iconfig -I$(BUILD)/gen
LEAF_INC    := -Iworker/util

LIB_SRCS   := $(filter-out worker/main.c,$(shell find worker codecs config -name '*.c'))
LIB_OBJS   := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRCS)) $(BUILD)/obj/gen/incident_avsc.o
UNIT_SRCS  := $(wildcard tests/unit/test_*.c)
UNIT_BINS  := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))
TOOL_SRCS  := $(wildcard tests/tools/*.c)
TOOL_BINS  := $(patsubst tests/tools/%.c,$(BUILD)/%,$(TOOL_SRCS))
# tests/fuzz: libFuzzer targets, and their corpus replays for `make test`.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all \
                -fno-omit-frame-pointer
FUZZ_CFLAGS   = $(filter-out -MMD -MP,$(SR_CFLAGS)) $(WORKER_INC) \
                -Itests/fuzz -DSR_FUZZ_ROOT='"$(CURDIR)"' $(CFLAGS)
REPLAY_BINS  := $(patsubst %,$(BUILD)/fuzz-replay/%,$(FUZZ_TARGETS))

.PHONY: all deps gazetteer test test-bins test-kafka format-check demo eval bench clean \
        fuzz fuzz-bins

all: $(BUILD)/sitrep $(TOOL_BINS)

$(BUILD)/obj/codecs/%.o: codecs/%.c
	@mkdir -p $(@D)
	$(CC) $(SR_CFLAGS) -Icodecs $(LEAF_INC) $(CFLAGS) -c $< -o $@
$(BUILD)/obj/config/%.o: config/%.c
	@mkdir -p $(@D)
	$(CC) $(SR_CFLAGS) -Iconfig $(LEAF_INC) $(CFLAGS) -c $< -o $@
$(BUILD)/obj/worker/%.o: worker/%.c
	@mkdir -p $(@D)
	$(CC) $(SR_CFLAGS) $(WORKER_INC) $(CFLAGS) -c $< -o $@

# The Avro schema is compiled in: codecs/schemas/incident.avsc is the one
# source of truth, turned into a C string by sed.
$(BUILD)/gen/incident_avsc.c: codecs/schemas/incident.avsc
	@mkdir -p $(@D)
	{ echo '/* Generated from codecs/schemas/incident.avsc; do not edit. */'; \
	  echo '#include <stddef.h>'; \
	  echo 'const char sr_incident_avsc[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $<; \
	  echo ';'; \
	  echo 'const size_t sr_incident_avsc_len = sizeof(sr_incident_avsc) - 1;'; \
	} > $@
$(BUILD)/obj/gen/incident_avsc.o: $(BUILD)/gen/incident_avsc.c
	@mkdir -p $(@D)
	$(CC) $(SR_CFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/libsitrep.a: $(LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/sitrep: $(BUILD)/obj/worker/main.o $(BUILD)/libsitrep.a
	$(CC) $(SR_LDFLAGS) $(LDFLAGS) -o $@ $^ $(SR_LIBS) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/check.h $(BUILD)/libsitrep.a
	@mkdir -p $(@D)
	$(CC) $(SR_CFLAGS) $(WORKER_INC) -Itests $(CFLAGS) $(SR_LDFLAGS) $(LDFLAGS) \
	    -o $@ $< $(BUILD)/libsitrep.a $(SR_LIBS) $(LDLIBS)

$(BUILD)/%: tests/tools/%.c $(BUILD)/libsitrep.a
	@mkdir -p $(@D)
	$(CC) $(SR_CFLAGS) $(WORKER_INC) $(CFLAGS) $(SR_LDFLAGS) $(LDFLAGS) \
	    -o $@ $< $(BUILD)/libsitrep.a $(SR_LIBS) $(LDLIBS)

# Extraction alone, timed in process (tests/bench/run.sh).
$(BUILD)/bench_extract: tests/bench/bench_extract.c $(BUILD)/libsitrep.a
	$(CC) $(SR_CFLAGS) $(WORKER_INC) $(CFLAGS) $(SR_LDFLAGS) $(LDFLAGS) \
	    -o $@ $< $(BUILD)/libsitrep.a $(SR_LIBS) $(LDLIBS)

# Packages: the script installs only what is missing.
deps:
	@sh deploy/install-deps.sh

gazetteer: $(GAZETTEER)

$(GAZETTEER): config/gazetteer/fetch.sh $(wildcard worker/geo/gazbuild.[ch] worker/geo/fold.c worker/geo/cmd_gazetteer.c) | $(BUILD)/sitrep
	sh config/gazetteer/fetch.sh "$(GAZ_CACHE)"
	@mkdir -p $(@D)
	$(BUILD)/sitrep gazetteer build --data "$(GAZ_CACHE)" --out $@.tmp
	mv $@.tmp $@

test-bins: all $(UNIT_BINS) $(REPLAY_BINS)

test: deps
	@$(MAKE) --no-print-directory test-bins gazetteer
	@BUILD=$(BUILD) SANITIZE=$(SANITIZE) sh tests/run.sh $(TESTS)

# The layout rules of the C sources (also checked by `make test`).
format-check:
	@sh tests/tools/format-check.sh

# Only the real-broker tests (tests/realkafka: Apache Kafka in KRaft mode,
# fetched from Maven Central by tests/tools/kafka-broker.sh).
test-kafka: deps
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) SANITIZE=$(SANITIZE) sh tests/run.sh tests/realkafka/

demo: deps
	@$(MAKE) --no-print-directory all gazetteer
	@BUILD=$(BUILD) sh deploy/demo.sh

eval: deps
	@$(MAKE) --no-print-directory all gazetteer
	@BUILD=$(BUILD) sh tests/eval/eval.sh "$(DATA)"

bench: deps
	@$(MAKE) --no-print-directory all gazetteer $(BUILD)/bench_extract
	@BUILD=$(BUILD) sh tests/bench/run.sh

# Fuzzing (tests/fuzz/README.md). The targets are built with clang and
# libFuzzer into build/fuzz/ (objects instrumented for coverage, ASan and
# UBSan), and each runs FUZZ_SECONDS on a copy of its seed corpus. The
# normal compiler builds the same targets with a replay driver instead of
# libFuzzer; `make test` replays the committed corpora with them.
fuzz:
	@sh tests/fuzz/install-clang.sh
	@$(MAKE) --no-print-directory CC=clang BUILD=build/fuzz \
	    SAN="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" fuzz-bins
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh $(FUZZ_TARGETS)

fuzz-bins: $(patsubst %,$(BUILD)/fuzz_%,$(FUZZ_TARGETS))

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(wildcard tests/fuzz/*.h) $(BUILD)/libsitrep.a
	$(CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(SR_LDFLAGS) $(LDFLAGS) \
	    -o $@ $< $(BUILD)/libsitrep.a $(SR_LIBS) $(LDLIBS)

$(BUILD)/fuzz-replay/%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c \
                      $(wildcard tests/fuzz/*.h) $(BUILD)/libsitrep.a
	@mkdir -p $(@D)
	$(CC) $(FUZZ_CFLAGS) $(SR_LDFLAGS) $(LDFLAGS) -o $@ tests/fuzz/replay.c \
	    $< $(BUILD)/libsitrep.a $(SR_LIBS) $(LDLIBS)

clean:
	rm -rf build

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
