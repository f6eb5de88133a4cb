# micropython.mem_info() on the board: the summary, and with an argument the heap map in
# MicroPython's form (checked by tests/unit/meminfo_layout.py's parser), over the UART.
import os
import sys

from board import Board, check

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "unit"))
import meminfo_layout  # noqa: E402

with Board() as b:
    b.wait_prompt()
    out = b.exec("import micropython\nmicropython.mem_info()").decode().replace("\r\n", "\n")
    lines = out.splitlines()
    check(len(lines) == 3 and lines[0].startswith("stack: ") and meminfo_layout.SUMMARY_RE.match(lines[1]),
          "summary only without an argument: %r" % out)
    out = b.exec(meminfo_layout.OBJECTS_SCRIPT, timeout=20).decode().replace("\r\n", "\n")
    meminfo_layout.check_letters(out, "board")
    # The friendly REPL shows the same map.
    b.leave_raw()
    out = b.friendly("micropython.mem_info(1)").decode().replace("\r\n", "\n")
    meminfo_layout.parse_layout(out.split("\n", 1)[1].rsplit("\n", 1)[0], "friendly REPL")
    check(meminfo_layout.failed == 0 and meminfo_layout.passed > 10,
          "%d heap-map checks passed, %d failed" % (meminfo_layout.passed, meminfo_layout.failed))
