#!/usr/bin/env python3
"""lx106_frozen.py: frozen bytecode on the 32-bit target: freeze tests/compile/_frozen for the
lx106 core (build/qemu), run tests/compile/frozen_features.py on it under QEMU and compare its
output with CPython's. Prints `N passed, M failed` like tests/run.

The same generated C serves every target; this shows it: 31-bit small ints, 16-bit big-int
digits, single-precision floats and 32-bit pointers, against the host's 64-bit build.
"""
import glob
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
QEMU = "build/qemu"
OUT = "build/qemu-frozen"
CC = "xtensa-lx106-elf-gcc"
SPECS = "--specs=/usr/lib/xtensa-lx106-elf/picolibc.specs"
CFLAGS = [SPECS, "-Os", "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-mlongcalls", "-mtext-section-literals",
          "-ffunction-sections", "-fdata-sections"]
TEST = "tests/compile/frozen_features.py"


def run(args, **kw):
    subprocess.run(args, check=True, cwd=ROOT, **kw)


def build_image(out, program):
    """Links out/py.elf: the lx106 core with tests/compile/_frozen frozen in, running program (a .py file)."""
    run(["make", "-s", "build/espy-freeze", QEMU + "/py.elf"], stdout=subprocess.DEVNULL)
    os.makedirs(os.path.join(ROOT, out), exist_ok=True)
    run([sys.executable, "tools/makefrozen.py", "-o", out + "/frozen_modules.c", "--compiler", "build/espy-freeze",
         "--qstrdata", QEMU + "/genhdr/qstrdata.h", "tests/compile/_frozen"])
    with open(os.path.join(ROOT, out, "py_check_source.h"), "w") as f:
        subprocess.run([sys.executable, "ports/esp8266/qemu/embed_source.py", "py_check_source", program],
                       check=True, cwd=ROOT, stdout=f)
    includes = ["-I" + out, "-I.", "-I" + QEMU, "-Iports/esp8266/qemu"]
    run([CC] + CFLAGS + includes + ["-c", "ports/esp8266/qemu/py_main.c", "-o", out + "/py_main.o"])
    run([CC] + CFLAGS + includes + ["-c", out + "/frozen_modules.c", "-o", out + "/frozen_modules.o"])
    objs = sorted(glob.glob(os.path.join(ROOT, QEMU, "obj/py/*.o")) + glob.glob(os.path.join(ROOT, QEMU, "obj/extmod/*.o"))
                  + glob.glob(os.path.join(ROOT, QEMU, "obj/extmod/fat/*.o")))
    objs += [o for o in sorted(glob.glob(os.path.join(ROOT, QEMU, "obj/ports/esp8266/qemu/*.o")))
             if not o.endswith("_main.o")]  # the other images' entry points
    run([CC, SPECS, "-nostartfiles", "-T", "ports/esp8266/qemu/esp8266-qemu.ld", "-Wl,--gc-sections"] + objs +
        [out + "/py_main.o", out + "/frozen_modules.o", "-lm", "-o", out + "/py.elf"])


def main():
    os.makedirs(os.path.join(ROOT, OUT), exist_ok=True)
    # The test, without the source folder CPython imports from, becomes the image's program.
    with open(os.path.join(ROOT, TEST)) as f:
        source = "".join(line for line in f if line.strip() != 'sys.path.append("_frozen")')
    with open(os.path.join(ROOT, OUT, "test.py"), "w") as f:
        f.write(source)
    build_image(OUT, OUT + "/test.py")
    got = subprocess.run(["timeout", "120", "qemu-system-xtensa", "-M", "sim", "-cpu", "lx106", "-semihosting",
                          "-display", "none", "-monitor", "none", "-serial", "none", "-device",
                          "loader,file=%s/py.elf,cpu-num=0" % OUT], cwd=ROOT, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE).stdout.decode(errors="replace")
    want = subprocess.run([sys.executable, os.path.basename(TEST)], cwd=os.path.join(ROOT, os.path.dirname(TEST)),
                          stdout=subprocess.PIPE).stdout.decode()
    if got == want:
        print("pass frozen bytecode on the lx106 (%s)" % TEST)
        print("1 passed, 0 failed")
        return 0
    print("FAIL frozen bytecode on the lx106 (%s)" % TEST)
    for line in __import__("difflib").unified_diff(want.splitlines(), got.splitlines(), "CPython", "lx106", lineterm=""):
        print(line)
    print("0 passed, 1 failed")
    return 1


if __name__ == "__main__":
    sys.exit(main())
