#!/bin/sh
# parser_build.sh: builds the parser harness (build/parser_dump) against the test shims.
set -e
cd "$(dirname "$0")/../.."
mkdir -p build
CFLAGS="-std=gnu11 -Wall -Wextra -Werror -g ${EXTRA_CFLAGS:-}"
cc $CFLAGS -Itests/unit/shim -I. -Iports/unix -o build/parser_dump \
    tests/unit/parser_dump.c tests/unit/shim/shim.c py/lexer.c py/parse.c
