#!/bin/sh
# containers_build.sh: builds the container unit test against the interpreter's objects (run `make` first).
set -e
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
CFLAGS="-std=gnu11 -Wall -Wextra -O1 -g -I. -I$BUILD -Iports/unix"
OBJS="$(ls $BUILD/obj/py/*.o $BUILD/obj/extmod/*.o 2>/dev/null) $(ls $BUILD/obj/ports/unix/*.o | grep -v -e /main.o -e /repl.o)"
cc $CFLAGS -o $BUILD/containers_test tests/unit/containers_test.c $OBJS -lm
echo "built $BUILD/containers_test"
