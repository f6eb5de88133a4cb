# Bare-metal lx106 build under qemu-system-xtensa; make fragment for the top-level Makefile.
# Use: `include ports/esp8266/qemu/qemu.mk` and run make from the repo root (all paths are relative to it).
# `make qemu-check`: host-checks the ROM helpers, then tiny.elf under QEMU must print what tiny-host prints.
# `make qemu-py-check`: cross-compiles $(QEMU_PY_SRCS) with -Werror and runs py_check.py through
# es_embed_run_source() (embed.c) on the lx106, comparing with CPython.

QEMU_DIR := ports/esp8266/qemu
QEMU_BUILD := build/qemu

# Toolchain (Debian: gcc-xtensa-lx106, picolibc-xtensa-lx106-elf, qemu-system-misc; see tools/install-deps).
QEMU_CC ?= xtensa-lx106-elf-gcc
QEMU_SYSTEM ?= qemu-system-xtensa
QEMU_HOST_CC ?= gcc
QEMU_PYTHON ?= python3
QEMU_TIMEOUT ?= 60
# gcc does not look in picolibc's folder for the specs file, so it is named by path.
QEMU_PICOLIBC_SPECS ?= /usr/lib/xtensa-lx106-elf/picolibc.specs

# -mlongcalls: IRAM (0x401...) and flash-mapped code (0x402...) are farther apart than call0 reaches.
# -mtext-section-literals: each function's constants sit just before it, within l32r's reach.
QEMU_CFLAGS ?= -Os -std=gnu11 -Wall -Wextra -Werror -mlongcalls -mtext-section-literals \
    -ffunction-sections -fdata-sections
QEMU_LDFLAGS ?= -nostartfiles -T $(QEMU_DIR)/esp8266-qemu.ld -Wl,--gc-sections
QEMU_LDLIBS ?= -lm

# The language core and portable modules, compiled the way the ESP8266 builds will compile them
# (32-bit words, single float), with this image's start-up, console and clock.
QEMU_PY_SRCS ?= $(wildcard py/*.c extmod/*.c extmod/fat/*.c) $(QEMU_DIR)/embed.c $(QEMU_DIR)/port.c $(QEMU_DIR)/hal.c $(QEMU_DIR)/file.c
# espyconfig.h for this build is $(QEMU_DIR)/espyconfig.h; its interned strings and module table are
# generated from its own sources into $(QEMU_BUILD)/genhdr.
QEMU_GENHDR := $(QEMU_BUILD)/genhdr
QEMU_QSTR_SCAN := $(QEMU_PY_SRCS) $(wildcard py/*.h extmod/*.h) $(QEMU_DIR)/espyconfig.h
QEMU_PY_CFLAGS ?= -I. -I$(QEMU_BUILD) -I$(QEMU_DIR)
QEMU_PY_DEPS ?= $(QEMU_GENHDR)/qstrdefs.h $(QEMU_GENHDR)/moduledefs.h

$(QEMU_GENHDR)/qstrdefs.h: $(QEMU_QSTR_SCAN) tools/makeqstrdefs.py
	@mkdir -p $(@D)
	$(QEMU_PYTHON) tools/makeqstrdefs.py $(QEMU_GENHDR) $(QEMU_QSTR_SCAN)

$(QEMU_GENHDR)/moduledefs.h: $(QEMU_QSTR_SCAN) tools/makemoduledefs.py
	@mkdir -p $(@D)
	$(QEMU_PYTHON) tools/makemoduledefs.py $@ $(QEMU_QSTR_SCAN)

# How every lx106 image is run: semihosting on, the host's stdin/stdout as the console, no display.
QEMU_RUN = timeout $(QEMU_TIMEOUT) $(QEMU_SYSTEM) -M sim -cpu lx106 -semihosting \
    -display none -monitor none -serial none -device loader,file=$(1),cpu-num=0

# Everything a bare-metal image needs besides its main: startup, console, libgcc's missing ROM routines.
QEMU_RUNTIME_SRCS := $(addprefix $(QEMU_DIR)/, start.S semihosting.c stdio_semihosting.c fatal_exception.c \
    integer_division.c integer_multiply.c soft_float_double.c soft_float_single.c)
QEMU_RUNTIME_OBJS := $(patsubst %,$(QEMU_BUILD)/obj/%.o,$(basename $(QEMU_RUNTIME_SRCS)))
QEMU_PY_OBJS := $(patsubst %.c,$(QEMU_BUILD)/obj/%.o,$(QEMU_PY_SRCS))

# The helpers' host checks rename them so they sit beside the host's own arithmetic.
QEMU_INTEGER_HELPERS := divsi3 udivsi3 modsi3 umodsi3 divdi3 udivdi3 moddi3 umoddi3 muldi3 umulsidi3
QEMU_FLOAT_HELPERS := adddf3 subdf3 muldf3 divdf3 floatsidf floatunsidf fixdfsi fixunsdfsi extendsfdf2 \
    truncdfsf2 addsf3 subsf3 mulsf3 floatsisf floatunsisf fixunssfsi
qemu_rename = $(foreach name,$(1),-D__$(name)=es_test_$(name))

.PHONY: qemu-check qemu-py-check qemu-py-objs

qemu-check: $(QEMU_BUILD)/helpers-checked $(QEMU_BUILD)/tiny.elf $(QEMU_BUILD)/tiny-host
	@$(QEMU_BUILD)/tiny-host > $(QEMU_BUILD)/tiny.expected
	@status=0; $(call QEMU_RUN,$(QEMU_BUILD)/tiny.elf) < /dev/null > $(QEMU_BUILD)/tiny.output || status=$$?; \
	if [ $$status -ne 0 ]; then \
	    cat $(QEMU_BUILD)/tiny.output; echo "qemu-check: tiny.elf exited with status $$status"; exit 1; \
	fi
	@grep -qx '6\*7=42' $(QEMU_BUILD)/tiny.output || { echo "qemu-check: no 6*7=42 line"; exit 1; }
	@diff -u $(QEMU_BUILD)/tiny.expected $(QEMU_BUILD)/tiny.output \
	    || { echo "qemu-check: lx106 output differs from the host's"; exit 1; }
	@echo "qemu-check: lx106 under QEMU matches the host ($$(wc -l < $(QEMU_BUILD)/tiny.output) lines)"

$(QEMU_BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(QEMU_CC) --specs=$(QEMU_PICOLIBC_SPECS) $(QEMU_CFLAGS) -MMD -MP -c $< -o $@

$(QEMU_BUILD)/obj/%.o: %.S
	@mkdir -p $(@D)
	$(QEMU_CC) --specs=$(QEMU_PICOLIBC_SPECS) $(QEMU_CFLAGS) -MMD -MP -c $< -o $@

# The core gets its own config flags on top of the common ones.
$(QEMU_PY_OBJS): QEMU_CFLAGS += $(QEMU_PY_CFLAGS)
$(QEMU_PY_OBJS): $(QEMU_PY_DEPS)

$(QEMU_BUILD)/tiny.elf: $(QEMU_RUNTIME_OBJS) $(QEMU_BUILD)/obj/$(QEMU_DIR)/tiny_main.o $(QEMU_DIR)/esp8266-qemu.ld
	$(QEMU_CC) --specs=$(QEMU_PICOLIBC_SPECS) $(QEMU_LDFLAGS) $(filter %.o,$^) $(QEMU_LDLIBS) -o $@

$(QEMU_BUILD)/tiny-host: $(QEMU_DIR)/tiny_main.c
	@mkdir -p $(@D)
	$(QEMU_HOST_CC) -O2 -std=gnu11 -Wall -Wextra -Werror $< -o $@

# The helpers are checked bit for bit against the host's hardware; rerun only when they change.
$(QEMU_BUILD)/helpers-checked: $(QEMU_DIR)/test/host_check_integer.c $(QEMU_DIR)/test/host_check_soft_float.c \
        $(QEMU_DIR)/integer_division.c $(QEMU_DIR)/integer_multiply.c \
        $(QEMU_DIR)/soft_float_double.c $(QEMU_DIR)/soft_float_single.c $(QEMU_DIR)/rom_libgcc.h
	@mkdir -p $(@D)
	$(QEMU_HOST_CC) -O2 -std=gnu11 -Wall -Wextra -Werror -I$(QEMU_DIR) $(call qemu_rename,$(QEMU_INTEGER_HELPERS)) \
	    $(QEMU_DIR)/integer_division.c $(QEMU_DIR)/integer_multiply.c $(QEMU_DIR)/test/host_check_integer.c \
	    -o $(QEMU_BUILD)/host-check-integer
	$(QEMU_HOST_CC) -O2 -std=gnu11 -Wall -Wextra -Werror -fno-builtin -I$(QEMU_DIR) \
	    $(call qemu_rename,$(QEMU_FLOAT_HELPERS)) $(QEMU_DIR)/soft_float_double.c $(QEMU_DIR)/soft_float_single.c \
	    $(QEMU_DIR)/test/host_check_soft_float.c -lm -o $(QEMU_BUILD)/host-check-soft-float
	$(QEMU_BUILD)/host-check-integer
	$(QEMU_BUILD)/host-check-soft-float
	@touch $@

# Cross-compiling the core alone already catches 64-bit assumptions and warnings on a 32-bit target.
qemu-py-objs: $(QEMU_PY_OBJS)
	@$(if $(QEMU_PY_SRCS),echo "qemu-py-objs: $(words $(QEMU_PY_OBJS)) core files compile cleanly for the lx106",\
	    echo "qemu-py-objs: skipped (no py/*.c yet)")

ifneq ($(wildcard py/exec.c),)
qemu-py-check: $(QEMU_BUILD)/py.elf qemu-small-heap-check
	@$(QEMU_PYTHON) $(QEMU_DIR)/py_check.py > $(QEMU_BUILD)/py.expected
	@status=0; $(call QEMU_RUN,$(QEMU_BUILD)/py.elf) < /dev/null > $(QEMU_BUILD)/py.output || status=$$?; \
	if [ $$status -ne 0 ]; then \
	    cat $(QEMU_BUILD)/py.output; echo "qemu-py-check: py.elf exited with status $$status"; exit 1; \
	fi
	@diff -u $(QEMU_BUILD)/py.expected $(QEMU_BUILD)/py.output \
	    || { echo "qemu-py-check: espy on the lx106 differs from CPython"; exit 1; }
	@echo "qemu-py-check: espy on the lx106 under QEMU matches CPython"
else
qemu-py-check: qemu-py-objs
	@echo "qemu-py-check: skipped (the compiler, py/exec.c, is not there yet)"
endif

# py_check.py becomes a C string, so the image needs no file system to run it.
$(QEMU_BUILD)/py_check_source.h: $(QEMU_DIR)/py_check.py $(QEMU_DIR)/embed_source.py
	@mkdir -p $(@D)
	$(QEMU_PYTHON) $(QEMU_DIR)/embed_source.py py_check_source $< > $@

$(QEMU_BUILD)/obj/$(QEMU_DIR)/py_main.o: $(QEMU_BUILD)/py_check_source.h
$(QEMU_BUILD)/obj/$(QEMU_DIR)/py_main.o: QEMU_CFLAGS += $(QEMU_PY_CFLAGS) -I$(QEMU_BUILD)

$(QEMU_BUILD)/py.elf: $(QEMU_RUNTIME_OBJS) $(QEMU_BUILD)/obj/$(QEMU_DIR)/py_main.o $(QEMU_PY_OBJS) \
        $(QEMU_DIR)/esp8266-qemu.ld
	$(QEMU_CC) --specs=$(QEMU_PICOLIBC_SPECS) $(QEMU_LDFLAGS) $(filter %.o,$^) $(QEMU_LDLIBS) -o $@
	@$(QEMU_CC:gcc=size) $@

# A 250-line board script, held as a C string and read in chunks as a file would be, must compile
# (not run) in the heap of small-heap-compile.elf (16 KB, as DESIGN.md asks), and compile and run,
# printing what CPython prints, in the heap of small-heap.elf (28 KB); see small_heap_main.c.
# Part of qemu-py-check.
QEMU_SMALL_HEAP_TEST ?= tests/compile/board_script.py

# $(call qemu_small_heap_run,image,what): runs image, fails with its output unless it exits with 0.
define qemu_small_heap_run
	@status=0; $(call QEMU_RUN,$(QEMU_BUILD)/$(1).elf) < /dev/null > $(QEMU_BUILD)/$(1).output \
	    2> $(QEMU_BUILD)/$(1).stderr || status=$$?; \
	if [ $$status -ne 0 ]; then \
	    cat $(QEMU_BUILD)/$(1).output $(QEMU_BUILD)/$(1).stderr; \
	    echo "qemu-small-heap-check: $(1).elf exited with status $$status"; exit 1; \
	fi
	@echo "qemu-small-heap-check: $(QEMU_SMALL_HEAP_TEST) ($$(wc -l < $(QEMU_SMALL_HEAP_TEST)) lines) $(2) on the lx106 ($$(cat $(QEMU_BUILD)/$(1).stderr))"
endef

.PHONY: qemu-small-heap-check
qemu-small-heap-check: $(QEMU_BUILD)/small-heap.elf $(QEMU_BUILD)/small-heap-compile.elf
	$(call qemu_small_heap_run,small-heap-compile,compiles)
	@test ! -s $(QEMU_BUILD)/small-heap-compile.output || { echo "qemu-small-heap-check: small-heap-compile.elf ran the script"; exit 1; }
	@cd $(dir $(QEMU_SMALL_HEAP_TEST)) && $(QEMU_PYTHON) $(notdir $(QEMU_SMALL_HEAP_TEST)) > $(CURDIR)/$(QEMU_BUILD)/small-heap.expected
	$(call qemu_small_heap_run,small-heap,compiles and runs)
	@diff -u $(QEMU_BUILD)/small-heap.expected $(QEMU_BUILD)/small-heap.output \
	    || { echo "qemu-small-heap-check: the small-heap run on the lx106 differs from CPython"; exit 1; }

$(QEMU_BUILD)/small_heap_source.h: $(QEMU_SMALL_HEAP_TEST) $(QEMU_DIR)/embed_source.py
	@mkdir -p $(@D)
	$(QEMU_PYTHON) $(QEMU_DIR)/embed_source.py small_heap_source $< > $@

$(QEMU_BUILD)/obj/$(QEMU_DIR)/small_heap_main.o: $(QEMU_BUILD)/small_heap_source.h
$(QEMU_BUILD)/obj/$(QEMU_DIR)/small_heap_main.o: QEMU_CFLAGS += $(QEMU_PY_CFLAGS) -I$(QEMU_BUILD)

$(QEMU_BUILD)/obj/$(QEMU_DIR)/small_heap_compile_main.o: $(QEMU_DIR)/small_heap_main.c $(QEMU_BUILD)/small_heap_source.h
	$(QEMU_CC) --specs=$(QEMU_PICOLIBC_SPECS) $(QEMU_CFLAGS) $(QEMU_PY_CFLAGS) -I$(QEMU_BUILD) \
	    -DSMALL_HEAP_COMPILE_ONLY -MMD -MP -c $< -o $@

$(QEMU_BUILD)/small-heap-compile.elf: $(QEMU_RUNTIME_OBJS) $(QEMU_BUILD)/obj/$(QEMU_DIR)/small_heap_compile_main.o \
        $(QEMU_PY_OBJS) $(QEMU_DIR)/esp8266-qemu.ld
	$(QEMU_CC) --specs=$(QEMU_PICOLIBC_SPECS) $(QEMU_LDFLAGS) $(filter %.o,$^) $(QEMU_LDLIBS) -o $@

$(QEMU_BUILD)/small-heap.elf: $(QEMU_RUNTIME_OBJS) $(QEMU_BUILD)/obj/$(QEMU_DIR)/small_heap_main.o $(QEMU_PY_OBJS) \
        $(QEMU_DIR)/esp8266-qemu.ld
	$(QEMU_CC) --specs=$(QEMU_PICOLIBC_SPECS) $(QEMU_LDFLAGS) $(filter %.o,$^) $(QEMU_LDLIBS) -o $@

-include $(wildcard $(QEMU_BUILD)/obj/*/*.d $(QEMU_BUILD)/obj/*/*/*.d $(QEMU_BUILD)/obj/*/*/*/*.d)
