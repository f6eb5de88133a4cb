#!/usr/bin/env python3
"""interop_check: espy's deflate against the real zlib, in both directions.

espy compresses inputs in every format and window size and CPython's zlib must decompress
them; zlib compresses at every level and strategy and espy must decompress those. Prints
one line per failure and ends with `N passed, M failed`.
Usage: tests/deflate/lib/interop_check.py [--espy build/espy]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import zlib

FORMAT_WBITS = {1: -15, 2: 15, 3: 31}  # deflate.RAW, ZLIB, GZIP as zlib's wbits


def inputs():
    words = [b"alpha", b"beta", b"gamma", b"deflate", b"window", b"\n", b"espy"]
    x, text = 5, bytearray()
    while len(text) < 12000:
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        text += words[(x >> 16) % len(words)] + b" "
    noise = bytes((i * 2654435761 >> 13) & 255 for i in range(3000))
    return {"text": bytes(text), "noise": noise, "zeros": bytes(70000), "short": b"ab", "bytes": bytes(range(256)) * 20}


# One espy run handles a whole list of jobs: each line of the job file is one call.
ESPY_JOBS = """
import sys, deflate
for line in open(sys.argv[1]):
    kind, src, dst, fmt, wbits, step = line.split()
    fmt, wbits, step = int(fmt), int(wbits), int(step)
    try:
        if kind == "c":
            data = open(src, "rb").read()
            with open(dst, "wb") as f:
                with deflate.DeflateIO(f, fmt, wbits) as d:
                    for i in range(0, len(data), step):
                        d.write(data[i:i + step])
        else:
            with open(src, "rb") as f:
                out = deflate.DeflateIO(f, fmt, wbits).read()
            open(dst, "wb").write(out)
    except Exception as e:
        print(dst, type(e).__name__, e)
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--espy", default="build/espy")
    args = ap.parse_args()
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "jobs.py")
        open(script, "w").write(ESPY_JOBS)
        jobs, checks = [], []
        for name, data in inputs().items():
            src = os.path.join(tmp, name)
            open(src, "wb").write(data)
            # espy -> zlib
            for fmt, zwbits in FORMAT_WBITS.items():
                for wbits in (0, 5, 9, 12, 15):
                    dst = os.path.join(tmp, "c-%s-%d-%d" % (name, fmt, wbits))
                    jobs.append("c %s %s %d %d %d" % (src, dst, fmt, wbits, 1000 if name != "short" else 1))
                    checks.append(("espy->zlib", dst, data, zwbits))
            # zlib -> espy
            for level in (0, 1, 6, 9):
                for strategy in (zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
                    for fmt, zwbits in FORMAT_WBITS.items():
                        packed = os.path.join(tmp, "z-%s-%d-%d-%d" % (name, level, strategy, fmt))
                        c = zlib.compressobj(level, zlib.DEFLATED, zwbits, 9, strategy)
                        open(packed, "wb").write(c.compress(data) + c.flush())
                        jobs.append("d %s %s.out %d 15 0" % (packed, packed, fmt))
                        checks.append(("zlib->espy", packed + ".out", data, None))
        job_file = os.path.join(tmp, "jobs")
        open(job_file, "w").write("\n".join(jobs) + "\n")
        r = subprocess.run([args.espy, script, job_file], capture_output=True, timeout=600)
        sys.stdout.write(r.stdout.decode(errors="replace"))
        if r.returncode != 0:
            print("espy failed:", r.stderr.decode(errors="replace")[-500:])
        for direction, path, data, zwbits in checks:
            try:
                got = open(path, "rb").read()
                ok = (zlib.decompress(got, zwbits) if zwbits is not None else got) == data
            except (OSError, zlib.error) as e:
                ok = False
                print(direction, os.path.basename(path), e)
            if not ok:
                print("FAIL", direction, os.path.basename(path))
            passed, failed = passed + ok, failed + (not ok)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
