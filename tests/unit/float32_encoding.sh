#!/bin/sh
# float32_encoding.sh: builds tests/unit/float32_encoding.c for the host with the lx106 config
# (single-precision floats) and runs it; the encoding is plain uint32_t code, so the host checks it.
set -e
cd "$(dirname "$0")/../.."
make -s build/qemu/genhdr/qstrdefs.h
mkdir -p build/unit
cc -std=gnu11 -Wall -Wextra -Werror -O2 -I. -Ibuild/qemu -Iports/esp8266/qemu \
    tests/unit/float32_encoding.c -lm -o build/unit/float32_encoding
build/unit/float32_encoding
