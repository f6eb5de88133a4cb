# espy top-level Makefile: `make` builds build/espy; `make test`, `make run`, `make bench`.

BUILD ?= build
CC ?= gcc
PYTHON ?= python3
OPT ?= -O2
EXTRA_CFLAGS ?=
EXTRA_LDFLAGS ?=

CFLAGS = -std=gnu11 -Wall -Wextra -Werror $(OPT) -g -I. -I$(BUILD) -Iports/unix -MMD -MP $(EXTRA_CFLAGS)
LDFLAGS = $(EXTRA_LDFLAGS)
LIBS = -lm

PY_SRC := $(wildcard py/*.c)
EXTMOD_SRC := $(wildcard extmod/*.c extmod/fat/*.c)
# ports/host: what the host builds (build/espy, build/esp8266-sim) share.
UNIX_SRC := $(wildcard ports/unix/*.c ports/host/*.c)
ESPY_SRC := $(PY_SRC) $(EXTMOD_SRC) $(UNIX_SRC)
ESPY_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(ESPY_SRC))

# Every source and header may name interned strings (ES_Q_...) or register modules.
QSTR_SCAN := $(ESPY_SRC) $(wildcard py/*.h extmod/*.h ports/unix/*.h)
GENHDR := $(BUILD)/genhdr
QSTR_DEFS := $(GENHDR)/qstrdefs.h
MODULE_DEFS := $(GENHDR)/moduledefs.h

.PHONY: all test run bench clean asan format deps fuzz
.DEFAULT_GOAL := all

all: $(BUILD)/espy

$(QSTR_DEFS): $(QSTR_SCAN) tools/makeqstrdefs.py | $(GENHDR)
	$(PYTHON) tools/makeqstrdefs.py $(GENHDR) $(QSTR_SCAN)

$(MODULE_DEFS): $(QSTR_SCAN) tools/makemoduledefs.py | $(GENHDR)
	$(PYTHON) tools/makemoduledefs.py $@ $(QSTR_SCAN)

$(GENHDR):
	mkdir -p $@

$(BUILD)/obj/%.o: %.c $(QSTR_DEFS) $(MODULE_DEFS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/espy: $(ESPY_OBJ) $(BUILD)/obj/frozen_modules.o
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

# Frozen modules (py/frozen.h, docs/architecture.md). A build lists folders of .py files in
# FROZEN_DIRS; $(call ES_FROZEN_RULE,GENHDR,DIRS) defines the rule that writes
# GENHDR/frozen_modules.c from them, compiled to const bytecode against the qstr table of
# GENHDR, for the build to compile and link. The compiler is espy-freeze: the host core
# without frozen modules and a main that prints code objects (tools/freezer/).
FROZEN_DIRS ?= extmod/frozen tests/compile/_frozen
FROZEN_COMPILER ?= $(BUILD)/espy-freeze
define ES_FROZEN_RULE
$(1)/frozen_modules.c: $$(shell find $(2) -name '*.py' 2>/dev/null) tools/makefrozen.py tools/frozencode.py \
    $(FROZEN_COMPILER) $(1)/qstrdefs.h
	$$(PYTHON) tools/makefrozen.py -o $$@ --compiler $(FROZEN_COMPILER) --qstrdata $(1)/qstrdata.h $(2)
endef
$(eval $(call ES_FROZEN_RULE,$(GENHDR),$(FROZEN_DIRS)))

FREEZER_OBJ := $(filter-out $(BUILD)/obj/ports/unix/main.o $(BUILD)/obj/ports/unix/repl.o,$(ESPY_OBJ)) $(BUILD)/obj/tools/freezer/espyfreeze.o
$(BUILD)/espy-freeze: $(FREEZER_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)
-include $(BUILD)/obj/frozen_modules.d $(BUILD)/obj/tools/freezer/espyfreeze.d

$(BUILD)/obj/frozen_modules.o: $(GENHDR)/frozen_modules.c $(QSTR_DEFS) $(MODULE_DEFS)
	$(CC) $(CFLAGS) -c $< -o $@

# The same interpreter with AddressSanitizer and UBSan, for the safety-net run of the suite.
# - asan-use-after-return=0: fake stack frames would hide live objects from the GC's stack scan.
# - no nonnull-attribute: memcpy(dst, NULL, 0) and friends are defined behaviour from C2y (N3322)
#   and harmless everywhere; every other UBSan check stays on and fatal.
SANITIZE_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all \
    --param asan-use-after-return=0 -fno-sanitize=nonnull-attribute
# Sanitized frames are several times larger, so the same Python recursion needs more C stack.
asan:
	$(MAKE) BUILD=build/asan OPT=-O1 EXTRA_CFLAGS="$(SANITIZE_FLAGS) -DES_STACK_LIMIT=4194304" \
	    EXTRA_LDFLAGS="$(SANITIZE_FLAGS)" build/asan/espy

# Boots the simulated ESP8266 board (ports/esp8266/sim/sim.mk) with UART0 on this terminal.
run: $(BUILD)/esp8266-sim
	$(BUILD)/esp8266-sim

deps:
	tools/install-deps

# Every area adds its suites ("name=command") and the builds they need; see the .mk fragments.
TEST_SUITES = \
    "python=tests/run --espy build/espy" \
    "repl=tests/_drivers/repl_check.py --espy build/espy" \
    "fat-tools=tests/_drivers/fat_tools_check.py --espy build/espy" \
    "python-sanitized=ASAN_OPTIONS=detect_leaks=0:detect_stack_use_after_return=0 tests/run --sanitized --espy build/asan/espy" \
    "lx106-helpers=$(MAKE) -s qemu-check" \
    "lx106-core=$(MAKE) -s qemu-py-check"
TEST_BUILDS = all asan
# Frozen bytecode made for the 32-bit target, run there under QEMU.
TEST_SUITES += "frozen-lx106=tests/compile/_drivers/lx106_frozen.py"
# Floats in the object word on single-precision builds: every bit pattern on the host, then the lx106.
TEST_SUITES += "float32-encoding=tests/unit/float32_encoding.sh" "float32-lx106=tests/float32/_drivers/lx106_run.py"
# micropython.mem_info(1): the heap map printed by build/espy (the simulator's is in tests/esp8266).
TEST_SUITES += "meminfo-layout=tests/unit/meminfo_layout.py --espy build/espy"
# The first 300 fuzz cases under the sanitizers (tools/fuzz.py, as `make fuzz`; ~20 s on 2 cores).
TEST_SUITES += "fuzz=tools/fuzz.py --espy build/asan/espy --cases 300 --no-shrink"

# Installs what is missing, builds everything, runs every suite; the last line is the total.
test: deps
	$(MAKE) $(TEST_BUILDS)
	tools/test-all $(TEST_SUITES)

bench: all
	bench/run --espy build/espy

# A bounded, deterministic fuzz pass over the core under the sanitizers (tools/fuzz.py);
# FUZZ_CASES=N FUZZ_FIRST=K run other cases, failures are kept shrunk in build/fuzz/.
FUZZ_CASES ?= 300
FUZZ_FIRST ?= 0
fuzz: asan
	tools/fuzz.py --espy build/asan/espy --cases $(FUZZ_CASES) --first $(FUZZ_FIRST)

clean:
	rm -rf build

format:
	clang-format -i $(ESPY_SRC) $(wildcard py/*.h ports/*/*.h extmod/*.h)

include ports/esp8266/qemu/qemu.mk
-include ports/esp8266/sim/sim.mk
-include tests/net/net.mk
-include tests/deflate/deflate.mk

-include $(ESPY_OBJ:.o=.d)
