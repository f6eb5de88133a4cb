#!/bin/sh
# parser_check.sh: compares espy's parser with CPython's ast on the case list and on a corpus.
# Usage: tests/unit/parser_check.sh [-v] [-pos] [files or directories...]
# Without files it uses the Python standard library found next to python3 (files with match
# statements and except* are left out: espy does not parse them).
set -e
HERE="$(cd "$(dirname "$0")" && pwd)"
"$HERE/parser_build.sh"
FLAGS=""
PATHS=""
for a in "$@"; do
    case "$a" in
    -*) FLAGS="$FLAGS $a" ;;
    *) PATHS="$PATHS $a" ;;
    esac
done
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
python3 - "$HERE/parser_cases.txt" "$TMP" <<'PY'
import sys
cases = open(sys.argv[1], encoding="utf-8").read().split("\n----\n")
for i, case in enumerate(cases):
    with open("%s/case%03d.py" % (sys.argv[2], i), "w", encoding="utf-8") as f:
        f.write(case if case.endswith("\n") or case == "" else case + "\n")
PY
echo "== cases"
python3 "$HERE/parser_check.py" $FLAGS "$TMP"/case*.py || STATUS=1
if [ -z "$PATHS" ]; then
    PATHS="$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')"
fi
echo "== corpus"
find $PATHS -name '*.py' -not -path '*/site-packages/*' -not -path '*/dist-packages/*' \
    | sort > "$TMP/all"
xargs grep -lE '^\s*(match|case) .*:\s*(#.*)?$|except\s*\*' < "$TMP/all" > "$TMP/skip" || true
grep -vxFf "$TMP/skip" "$TMP/all" > "$TMP/files" || true
xargs -n 200 python3 "$HERE/parser_check.py" $FLAGS < "$TMP/files" > "$TMP/out" 2>&1 || STATUS=1
grep -v ' passed, ' "$TMP/out" || true
awk '/ passed, / {p += $1; f += $3} END {print p " passed, " f " failed"}' "$TMP/out"
exit ${STATUS:-0}
