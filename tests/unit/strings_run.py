#!/usr/bin/env python3
"""strings_run.py: runs the strings driver on a case file and compares each line with python3.

Usage: strings_run.py DRIVER CASES
Each case line is a Python expression; python3 gives repr(result) or "Type: message".
"""
import subprocess
import sys


import re

ENV = {"setitem": lambda o, i, v: o.__setitem__(i, v), "delitem": lambda o, i: o.__delitem__(i)}


def expected(line):
    try:
        if re.match(r"^[a-z_]+ = ", line):
            exec(line, ENV)
            return None
        m = re.match(r"^([a-z_]+) ([+*]=) (.*)$", line)
        if m:  # the driver evaluates x += y as an expression giving x
            exec(line, ENV)
            return repr(ENV[m.group(1)])
        return repr(eval(line, ENV))
    except Exception as e:  # the driver prints the exception the same way
        name = type(e).__name__
        if name in ("UnicodeDecodeError", "UnicodeEncodeError"):
            name = "UnicodeError"
        msg = str(e)
        if isinstance(e, KeyError):
            msg = repr(e.args[0])
        return "%s: %s" % (name, msg)


def main():
    driver, cases = sys.argv[1], sys.argv[2]
    lines = [l.rstrip("\n") for l in open(cases, encoding="utf-8")]
    lines = [l for l in lines if l and not l.startswith("#")]
    out = subprocess.run([driver, cases], capture_output=True).stdout.decode("utf-8", "replace").split("\n")
    failed = 0
    i = 0
    for line in lines:
        exp = expected(line)
        if exp is None:
            continue
        got = out[i] if i < len(out) else "<missing>"
        i += 1
        if got != exp:
            failed += 1
            print("FAIL %s\n  expected %s\n  got      %s" % (line, exp, got))
    print("%d passed, %d failed" % (len(lines) - failed, failed))
    sys.exit(1 if failed else 0)


main()
