#!/usr/bin/env python3
"""float_heap.py: heap bytes the float benchmarks allocate on the lx106 (under QEMU), by running
bench/mandelbrot.py, nbody.py and spectral_norm.py there, shrunk to fit its 64 KB heap, with the
collector off, so that every allocated byte is counted. Usage: bench/tools/float_heap.py
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = "build/qemu-float32"
# Each benchmark with the sizes that keep a build that boxes every float inside the heap.
SHRINK = {
    "mandelbrot": [(r"WIDTH = \d+", "WIDTH = 8"), (r"HEIGHT = \d+", "HEIGHT = 4"),
                   (r"MAX_ITER = \d+", "MAX_ITER = 16")],
    "nbody": [(r"STEPS = \d+", "STEPS = 8")],
    "spectral_norm": [(r"N = \d+", "N = 6"), (r"range\(10\)", "range(1)")],
}
# Everything after the source is compiled: the program alone is measured.
PROLOGUE = "import gc\ngc.collect()\ngc.disable()\n_heap_before = gc.mem_alloc()\n"
EPILOGUE = "\nprint('allocated', gc.mem_alloc() - _heap_before)\n"


def main():
    os.makedirs(os.path.join(ROOT, OUT), exist_ok=True)
    for name, edits in SHRINK.items():
        with open(os.path.join(ROOT, "bench", name + ".py")) as f:
            source = f.read()
        for pattern, replacement in edits:
            source = re.sub(pattern, replacement, source, count=1)
        path = os.path.join(ROOT, OUT, "heap_" + name + ".py")
        with open(path, "w") as f:
            f.write(PROLOGUE + source + EPILOGUE)
        driver = os.path.join(ROOT, "tests/float32/_drivers/lx106_run.py")
        out = subprocess.run([sys.executable, driver, "--show", path], stdout=subprocess.PIPE,
                             cwd=ROOT).stdout.decode(errors="replace")
        found = re.search(r"allocated (\d+)", out)
        print("%-14s %s" % (name, ("%6s bytes" % found.group(1)) if found else "failed: " + out.strip()[-200:]))


if __name__ == "__main__":
    main()
