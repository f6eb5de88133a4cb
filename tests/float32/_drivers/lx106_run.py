#!/usr/bin/env python3
"""lx106_run.py: runs tests/float32/*.py and tests/float32/_single/*.py (or the files named) on the
lx106 core under QEMU and compares each output with CPython's (or name.py.exp). Prints
`N passed, M failed` like tests/run. The _single tests hold what only single-precision builds
do (tests/run leaves `_` folders out, so the host build does not run them).
`lx106_run.py --show FILE` only runs FILE there and prints its output (bench/tools/float_heap.py).

One image serves every test: its program reads build/qemu-float32/test.py through semihosting and
executes it, so a test costs one QEMU start, not one link.
"""
import difflib
import glob
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "tests/compile/_drivers"))
import lx106_frozen  # noqa: E402  (links the image)

OUT = "build/qemu-float32"
# The program of the image; a function keeps the file object out of the test's globals.
LAUNCHER = """def _source():
    with open("%s/test.py") as f:
        return f.read()


exec(_source())
""" % OUT


def build_image():
    """The image runs LAUNCHER; tests/compile/_frozen is frozen in, so frozen floats are const objects."""
    os.makedirs(os.path.join(ROOT, OUT), exist_ok=True)
    with open(os.path.join(ROOT, OUT, "launcher.py"), "w") as f:
        f.write(LAUNCHER)
    lx106_frozen.build_image(OUT, OUT + "/launcher.py")


def run_on_lx106(path):
    shutil.copyfile(path, os.path.join(ROOT, OUT, "test.py"))
    result = subprocess.run(["timeout", "120", "qemu-system-xtensa", "-M", "sim", "-cpu", "lx106", "-semihosting",
                             "-display", "none", "-monitor", "none", "-serial", "none", "-device",
                             "loader,file=%s/py.elf,cpu-num=0" % OUT], cwd=ROOT, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return result.stdout.decode(errors="replace")


def expected(path):
    if os.path.exists(path + ".exp"):
        with open(path + ".exp") as f:
            return f.read()
    return subprocess.run([sys.executable, os.path.basename(path)], cwd=os.path.dirname(path),
                          stdout=subprocess.PIPE).stdout.decode()


def main():
    if sys.argv[1:2] == ["--show"]:
        build_image()
        sys.stdout.write(run_on_lx106(os.path.abspath(sys.argv[2])))
        return 0
    tests = [os.path.abspath(p) for p in sys.argv[1:]] or sorted(
        glob.glob(os.path.join(ROOT, "tests/float32/*.py"))
        + glob.glob(os.path.join(ROOT, "tests/float32/_single/*.py")))
    build_image()
    passed = failed = 0
    for path in tests:
        name = os.path.relpath(path, ROOT)
        got, want = run_on_lx106(path), expected(path)
        if got == want:
            passed += 1
            print("pass %s (lx106)" % name)
            continue
        failed += 1
        print("FAIL %s (lx106)" % name)
        for line in difflib.unified_diff(want.splitlines(), got.splitlines(), "expected", "lx106", lineterm=""):
            print(line)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
