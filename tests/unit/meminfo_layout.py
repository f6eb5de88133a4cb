#!/usr/bin/env python3
"""meminfo_layout.py: checks the heap map that micropython.mem_info(1) prints (docs/gc.md).

Usage: tests/unit/meminfo_layout.py [--espy build/espy]
The map goes to the port's stdout, not to sys.stdout, so a script cannot capture it and
CPython has no micropython module: this driver runs espy and checks the map's form against
MicroPython's (header, rows of 64 blocks led by their 5-digit hex offset, '(N lines all free)'
for runs of free rows), that it adds up to the summary's free and used bytes, and that the
letters at the blocks of objects whose id() the script prints are the documented ones.
Prints `N passed, M failed`.
"""
import re
import subprocess
import sys

ESPY = "build/espy"
ROW_BLOCKS = 64
HEADER_RE = re.compile(r"^GC memory layout; from ([0-9a-f]+):$")
ROW_RE = re.compile(r"^([0-9a-f]{5,}): (.*)$")
FREE_RE = re.compile(r"^       \((\d+) lines all free\)$")
SUMMARY_RE = re.compile(r"^GC: total: (\d+), used: (\d+), free: (\d+)$")
BLOCKS_RE = re.compile(r"^ No\. of 1-blocks: (\d+), 2-blocks: (\d+), max blk sz: (\d+), max free sz: (\d+)$")
ALLOWED = set(".=TLDSAFBMCh")

# Objects of each kind that gets its own letter; the script prints "id NAME HEX" for each.
OBJECTS_SCRIPT = r"""
import array, micropython
class Plain:
    pass
def function():
    return 1
def generator_function():
    yield 1
def make_closure(v):
    def closure():
        return v
    return closure
objects = {
    "T": (1, 2, 3), "L": [1, 2, 3], "D": {"a": 1}, "S": "text" * 20, "S2": b"bytes" * 20,
    "A": bytearray(40), "A2": array.array("i", [1, 2, 3]), "F": float("inf"),
    "B": function, "B2": generator_function, "B3": make_closure(5),
    "C": function.__code__ if hasattr(function, "__code__") else None, "h": Plain(),
}
import sys
objects["M"] = sys
for name in sorted(objects):
    if objects[name] is not None:
        print("id", name, hex(id(objects[name])))
micropython.mem_info(1)
"""

passed = 0
failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL  " + what)
    return ok


def run(script, *args):
    proc = subprocess.run([ESPY] + list(args) + ["-c", script], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          timeout=60)
    return proc.returncode, proc.stdout.decode(errors="replace")


def parse_layout(out, label):
    """Checks the map's form; returns (summary numbers, heap start, blocks as one string, block bytes)."""
    lines = out.splitlines()
    summary = [SUMMARY_RE.match(l) for l in lines]
    summary = [m for m in summary if m]
    headers = [i for i, l in enumerate(lines) if HEADER_RE.match(l)]
    if not check(len(summary) == 1 and len(headers) == 1, "%s: one summary and one header line" % label):
        print(out)
        return None
    total, used, free = (int(x) for x in summary[0].groups())
    start = int(HEADER_RE.match(lines[headers[0]]).group(1), 16)
    check(BLOCKS_RE.match(lines[headers[0] - 1]), "%s: the map follows the summary lines" % label)
    blocks = []
    offset_step = None
    expected_offset = 0
    previous = None  # "row-full-free", "row", "collapsed"
    form_ok = True
    for line in lines[headers[0] + 1:]:
        m = ROW_RE.match(line)
        f = FREE_RE.match(line)
        if m:
            offset, row = int(m.group(1), 16), m.group(2)
            if len(m.group(1)) != max(5, len("%x" % offset)):
                form_ok = False
                print("%s: offset not 5 hex digits: %r" % (label, line))
            if not set(row) <= ALLOWED or not 0 < len(row) <= ROW_BLOCKS:
                form_ok = False
                print("%s: bad row %r" % (label, line))
            if offset_step is None and offset > 0:
                offset_step = offset * ROW_BLOCKS // expected_offset  # bytes per row
            if offset_step is not None and offset != expected_offset * offset_step // ROW_BLOCKS:
                form_ok = False
                print("%s: row offset %x, expected block %d" % (label, offset, expected_offset))
            if offset == 0 and blocks:
                form_ok = False
            if previous == "row-short":
                form_ok = False
                print("%s: a row after a short row" % label)
            full_free = row == "." * ROW_BLOCKS
            if full_free and previous == "row-full-free":
                form_ok = False
                print("%s: two whole free rows not collapsed (%r)" % (label, line))
            blocks.append(row)
            expected_offset += len(row)
            previous = "row-full-free" if full_free else ("row-short" if len(row) < ROW_BLOCKS else "row")
        elif f:
            n = int(f.group(1))
            if n < 2 or previous in ("row-full-free", "collapsed", "row-short"):
                form_ok = False
                print("%s: bad collapse %r after %s" % (label, line, previous))
            blocks.append("." * (n * ROW_BLOCKS))
            expected_offset += n * ROW_BLOCKS
            previous = "collapsed"
        else:
            form_ok = False
            print("%s: unexpected line %r" % (label, line))
    check(form_ok, "%s: rows, offsets and collapsed free rows have MicroPython's form" % label)
    blocks = "".join(blocks)
    block_bytes = total // len(blocks) if blocks else 0
    check(block_bytes * len(blocks) == total, "%s: the map covers the heap (%d blocks, %d bytes)" % (label, len(blocks), total))
    check(offset_step in (None, ROW_BLOCKS * block_bytes), "%s: rows step by 64 blocks" % label)
    check(blocks.count(".") * block_bytes == free, "%s: free blocks add up to the summary's free" % label)
    check((len(blocks) - blocks.count(".")) * block_bytes == used, "%s: used blocks add up to the summary's used" % label)
    check(not blocks.startswith("=") and "." + "=" not in blocks, "%s: every '=' follows an allocation" % label)
    allocations = [len(a) for a in re.findall(r"[^.=]=*", blocks)]
    free_runs = [len(r) for r in re.findall(r"\.+", blocks)] or [0]
    counts = (allocations.count(1), allocations.count(2), max(allocations or [0]), max(free_runs))
    got = tuple(int(x) for x in BLOCKS_RE.match(lines[headers[0] - 1]).groups()) if BLOCKS_RE.match(lines[headers[0] - 1]) else None
    check(got == counts, "%s: 1-blocks, 2-blocks, max blk sz and max free sz are the map's (%r, map %r)" % (label, got, counts))
    return (total, used, free), start, blocks, block_bytes


def check_letters(out, label):
    parsed = parse_layout(out, label)
    if parsed is None:
        return
    _, start, blocks, block_bytes = parsed
    ids = [l.split() for l in out.splitlines() if l.startswith("id ")]
    check(len(ids) >= 12, "%s: the script printed its objects' ids" % label)
    for _, name, address in ids:
        letter = name[0]
        offset = int(address, 16) - start
        if not 0 <= offset < len(blocks) * block_bytes:
            check(letter == "M", "%s: %s lies outside the heap only when const (a module)" % (label, name))
            continue
        check(offset % block_bytes == 0 and blocks[offset // block_bytes] == letter,
              "%s: %s object's block shows %r (got %r)" % (label, name, letter, blocks[offset // block_bytes]))


def main():
    global ESPY
    if sys.argv[1:2] == ["--espy"]:
        ESPY = sys.argv[2]
    # Without an argument only the summary is printed.
    code, out = run("import micropython\nmicropython.mem_info()")
    check(code == 0 and "GC memory layout" not in out and SUMMARY_RE.match(out.splitlines()[1] if out.count("\n") > 1 else ""),
          "mem_info() prints the summary only: %r" % out)
    # A small heap: every letter, free rows collapsed, the short last row.
    code, out = run(OBJECTS_SCRIPT, "-X", "heapsize=16k")
    check(code == 0, "16k heap: script ran (%r)" % out[-200:])
    check_letters(out, "16k heap")
    check("lines all free)" in out, "16k heap: runs of free rows collapse")
    # A heap of whole rows that ends in free rows ends in a collapse line.
    code, out = run("import micropython\nmicropython.mem_info(True)", "-X", "heapsize=66040")
    parsed = parse_layout(out, "66040-byte heap")
    check(parsed is not None and FREE_RE.match(out.splitlines()[-1]) is not None and len(parsed[2]) % ROW_BLOCKS == 0,
          "66040-byte heap: whole rows, the last of them collapsed free")
    # The default heap (32 MB on the host): offsets grow past 5 digits.
    code, out = run("import micropython\nmicropython.mem_info(1)")
    parse_layout(out, "default heap")
    # Printing the map allocates nothing: it works with the heap locked.
    code, out = run("import micropython\nmicropython.heap_lock()\nmicropython.mem_info(1)\nmicropython.heap_unlock()\nprint('ok')",
                    "-X", "heapsize=16k")
    check(code == 0 and out.endswith("ok\n"), "mem_info(1) with the heap locked: %r" % out[-200:])
    parse_layout(out[:-len("ok\n")], "locked heap")
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
