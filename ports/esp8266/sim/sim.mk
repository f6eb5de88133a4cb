# The ESP8266 port on Linux with simulated hardware: build/esp8266-sim. Included by the top-level Makefile.
# It compiles the core (py/, extmod/), the port (ports/esp8266/*.c) and the simulated chip
# (ports/esp8266/sim/*.c) with its own espyconfig.h, interned strings and module table.

SIM_DIR := ports/esp8266/sim
SIM_BUILD := $(BUILD)/sim
SIM_GENHDR := $(SIM_BUILD)/genhdr
SIM_SRC := $(wildcard py/*.c extmod/*.c extmod/fat/*.c ports/esp8266/*.c $(SIM_DIR)/*.c)
SIM_SRC += $(wildcard ports/host/*.c)
SIM_OBJ := $(patsubst %.c,$(SIM_BUILD)/obj/%.o,$(SIM_SRC))
SIM_QSTR_SCAN := $(SIM_SRC) $(wildcard py/*.h extmod/*.h ports/esp8266/*.h $(SIM_DIR)/*.h)
SIM_CFLAGS = -std=gnu11 -Wall -Wextra -Werror $(OPT) -g -I. -I$(SIM_BUILD) -I$(SIM_DIR) -MMD -MP $(EXTRA_CFLAGS)

# Frozen Python modules of the port (_boot.py, inisetup.py, flashbdev.py, drivers) and the
# portable ones, compiled to const bytecode against this build's qstr table.
SIM_FROZEN_DIRS := ports/esp8266/modules extmod/frozen
$(eval $(call ES_FROZEN_RULE,$(SIM_GENHDR),$(SIM_FROZEN_DIRS)))
SIM_FROZEN_OBJ := $(SIM_BUILD)/obj/frozen_modules.o
$(SIM_FROZEN_OBJ): $(SIM_GENHDR)/frozen_modules.c $(SIM_GENHDR)/qstrdefs.h $(SIM_GENHDR)/moduledefs.h
	$(CC) $(SIM_CFLAGS) -c $< -o $@

# The WebREPL page (ports/esp8266/webrepl_page/), embedded as const data for sim/page_server.c.
SIM_PAGE_DIR := ports/esp8266/webrepl_page
$(SIM_GENHDR)/webrepl_page.h: $(wildcard $(SIM_PAGE_DIR)/*) tools/makepagefiles.py | $(SIM_GENHDR)
	$(PYTHON) tools/makepagefiles.py $@ $(SIM_PAGE_DIR)
$(SIM_BUILD)/obj/$(SIM_DIR)/page_server.o: $(SIM_GENHDR)/webrepl_page.h

$(SIM_GENHDR):
	mkdir -p $@

$(SIM_GENHDR)/qstrdefs.h: $(SIM_QSTR_SCAN) tools/makeqstrdefs.py | $(SIM_GENHDR)
	$(PYTHON) tools/makeqstrdefs.py $(SIM_GENHDR) $(SIM_QSTR_SCAN)

$(SIM_GENHDR)/moduledefs.h: $(SIM_QSTR_SCAN) tools/makemoduledefs.py | $(SIM_GENHDR)
	$(PYTHON) tools/makemoduledefs.py $@ $(SIM_QSTR_SCAN)

$(SIM_BUILD)/obj/%.o: %.c $(SIM_GENHDR)/qstrdefs.h $(SIM_GENHDR)/moduledefs.h
	@mkdir -p $(dir $@)
	$(CC) $(SIM_CFLAGS) -c $< -o $@

$(BUILD)/esp8266-sim: $(SIM_OBJ) $(SIM_FROZEN_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) -lutil

.PHONY: sim run-sim
sim: $(BUILD)/esp8266-sim

TEST_SUITES += "esp8266-sim=tests/esp8266/run"
TEST_BUILDS += $(BUILD)/esp8266-sim

-include $(SIM_OBJ:.o=.d)
