# The simulator stores floats as the chip does: tests/float32 (CPython's output or .exp) and
# tests/float32/_single (what only single-precision builds do) give the same output on the board.
import glob
import os
import subprocess
import sys

from board import ROOT, Board, check_equal

# float32_frozen.py needs tests/compile/_frozen frozen into the image, which the board's firmware is not.
TESTS = sorted(p for p in glob.glob(os.path.join(ROOT, "tests/float32/*.py"))
               + glob.glob(os.path.join(ROOT, "tests/float32/_single/*.py"))
               if not p.endswith("float32_frozen.py"))


def expected(path):
    if os.path.exists(path + ".exp"):
        with open(path + ".exp", "rb") as f:
            return f.read()
    return subprocess.run([sys.executable, os.path.basename(path)], cwd=os.path.dirname(path),
                          stdout=subprocess.PIPE, check=True).stdout


with Board() as b:
    b.wait_prompt()
    for path in TESTS:
        with open(path, "rb") as f:
            source = f.read()
        got = b.exec(source, timeout=120).replace(b"\r\n", b"\n")
        check_equal(got, expected(path), os.path.relpath(path, ROOT))
        b.exec("import gc\ngc.collect()")
print("ok: %d float tests on the board" % len(TESTS))
