#!/bin/sh
# parser_fuzz.sh: runs the parser over truncated and mutated copies of the given Python files
# (default: 30 files of the standard library) under AddressSanitizer and UBSan.
# With clang available, `parser_fuzz.sh -libfuzzer SECONDS` runs libFuzzer instead.
set -e
cd "$(dirname "$0")/../.."
mkdir -p build
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
SRCS="tests/unit/parser_fuzz.c tests/unit/shim/shim.c py/lexer.c py/parse.c"
INC="-Itests/unit/shim -I. -Iports/unix"
export ASAN_OPTIONS=detect_leaks=0
if [ "$1" = "-libfuzzer" ]; then
    clang -std=gnu11 -O1 -g -DLIBFUZZER -fsanitize=fuzzer $SAN $INC -o build/parser_libfuzzer $SRCS
    mkdir -p build/parser_fuzz_corpus
    exec build/parser_libfuzzer -max_total_time="${2:-60}" -max_len=4096 build/parser_fuzz_corpus
fi
cc -std=gnu11 -Wall -Wextra -Werror -O1 -g $SAN $INC -o build/parser_fuzz $SRCS
if [ $# -eq 0 ]; then
    STDLIB="$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')"
    set -- $(find "$STDLIB" -maxdepth 1 -name '*.py' | sort | head -30)
fi
build/parser_fuzz "$@"
