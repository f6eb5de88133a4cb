# boot.py and main.py are compiled as they are read from the FAT filesystem, in chunks: a
# 250-line main.py (9 KB, more than the lexer's window many times over) runs in the board's
# heap and prints what CPython prints; a syntax error deep in main.py names its file and line.
import os
import re
import subprocess
import sys

from board import Board, check, check_equal

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "..", "compile", "board_script.py")
BANNER = rb'MicroPython v[^\r]*\r\nType "help\(\)" for more information\.\r\n>>> '

with open(SCRIPT, "rb") as f:
    source = f.read()
want = subprocess.run([sys.executable, SCRIPT], capture_output=True, check=True).stdout

with Board() as b:
    b.read_until(b">>> ")
    b.put_file("boot.py", "")
    b.put_file("main.py", source)
    b.leave_raw()
    out = b.soft_reset()
    check(out.startswith(b"\r\nMPY: soft reboot\r\n") and re.search(BANNER + b"$", out), "main.py ran %r" % out[-200:])
    got = re.sub(BANNER + b"$", b"", out[len(b"\r\nMPY: soft reboot\r\n"):])
    check_equal(got.replace(b"\r\n", b"\n"), want, "board_script.py as main.py")

    # a syntax error on line 200 of a long main.py
    lines = source.split(b"\n")
    bad = b"\n".join(lines[:199] + [b"def broken(:"] + lines[199:])
    b.put_file("main.py", bad)
    b.leave_raw()
    out = b.soft_reset()
    check(b'File "main.py", line 200' in out and b"SyntaxError: invalid syntax" in out, "syntax error %r" % out)
    check(re.search(BANNER + b"$", out), "REPL after the syntax error %r" % out[-200:])

    # the board keeps no class docstrings (no __doc__), as MicroPython's ESP8266 port
    got = b.exec(b"class A:\n    'a docstring'\n    x = 1\nprint(A.__doc__, A.x)\n")
    check_equal(got, b"None 1\r\n", "class docstring on the board")
