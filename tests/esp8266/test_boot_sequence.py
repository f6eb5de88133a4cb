# The boot sequence (boot-and-filesystem.md §1-§4): first-time setup on blank flash, the
# standard boot.py, boot.py then main.py and their failures, raw-mode soft reset, flash sizes.
import os
import re
import subprocess

from board import Board, check, check_equal

BANNER = rb'MicroPython v[^\r]*\r\nType "help\(\)" for more information\.\r\n>>> '
TRACE = b"Traceback (most recent call last):\r\n"

BOOT_PY = b"""\
# This file is executed on every boot (including wake-boot from deepsleep)
#import esp
#esp.osdebug(None)
import os, machine
#os.dupterm(None, 1) # disable REPL on UART(0)
import gc
#import webrepl
#webrepl.start()
gc.collect()
"""


def fat_partition(b, start_sector, blocks):
    """The filesystem's part of the flash image, as a file the FAT tools can check."""
    path = os.path.join(b.tmpdir, "fs.img")
    with open(path, "wb") as f:
        f.write(b.flash_bytes(start_sector * 4096, blocks * 4096))
    return path


def check_fsck(b, start_sector, blocks, what):
    """fsck.fat finds nothing wrong with the filesystem's part of the flash; returns that part's file."""
    fs = fat_partition(b, start_sector, blocks)
    r = subprocess.run(["fsck.fat", "-n", fs], capture_output=True, text=True)
    check(r.returncode == 0, "%s: %s%s" % (what, r.stdout, r.stderr))
    return fs


with Board() as b:
    # First boot on erased flash: SDK init data, first-time setup, then the hard-boot \r\n.
    boot = b.read_until(b">>> ")
    check(re.fullmatch(rb"Writing init data\nPerforming initial setup\r\n\r\n" + BANNER, boot), "first boot %r" % boot)
    check_equal(b.eval("__import__('os').listdir()"), ["boot.py"], "files")
    check_equal(b.get_file("boot.py"), BOOT_PY, "standard boot.py")
    check_equal(b.eval("__import__('flashbdev').bdev.start_sec, __import__('flashbdev').bdev.blocks"), (256, 763),
                "4M geometry")
    b.leave_raw()
    # The filesystem is FAT at flashbdev's sectors, readable by fsck.fat and mtools.
    fs = check_fsck(b, 256, 763, "fsck.fat")
    r = subprocess.run(["mtype", "-i", fs, "::boot.py"], capture_output=True)
    check_equal(r.stdout.replace(b"\r\n", b"\n"), BOOT_PY, "mtools reads boot.py")

    # boot.py then main.py, output between "MPY: soft reboot" and the banner; their globals stay.
    b.put_file("boot.py", "print('boot here')\nfrom_boot = 1\n")
    b.put_file("main.py", "print('main here', from_boot)\nfrom_main = 2\n")
    b.leave_raw()
    out = b.soft_reset()
    check(re.fullmatch(rb"\r\nMPY: soft reboot\r\nboot here\r\nmain here 1\r\n" + BANNER, out), "boot, main %r" % out)
    check_equal(b.friendly("from_boot, from_main"), b"from_boot, from_main\r\n(1, 2)\r\n>>> ", "globals kept")
    # A failing boot.py: traceback naming boot.py, main.py skipped, REPL reached.
    b.put_file("boot.py", "print('boot')\nraise ValueError('bad boot')\n")
    b.leave_raw()
    out = b.soft_reset()
    check(re.fullmatch(rb"\r\nMPY: soft reboot\r\nboot\r\n" + re.escape(TRACE) +
                       rb'  File "boot.py", line 2, in <module>\r\nValueError: bad boot\r\n' + BANNER, out),
          "failing boot.py %r" % out)
    # SystemExit in boot.py counts as a normal end: main.py runs.
    b.put_file("boot.py", "import sys\nsys.exit()\n")
    b.put_file("main.py", "print('main ran')\n")
    b.leave_raw()
    out = b.soft_reset()
    check(re.fullmatch(rb"\r\nMPY: soft reboot\r\nmain ran\r\n" + BANNER, out), "SystemExit in boot.py %r" % out)
    # A failing main.py: traceback naming main.py, REPL reached.
    b.put_file("boot.py", "")
    b.put_file("main.py", "def f():\n    return 1 / 0\nf()\n")
    b.leave_raw()
    out = b.soft_reset()
    check(re.fullmatch(rb"\r\nMPY: soft reboot\r\n" + re.escape(TRACE) + rb'  File "main.py", line 3, in <module>\r\n'
                       rb'  File "main.py", line 2, in f\r\nZeroDivisionError: [^\r]*\r\n' + BANNER, out),
          "failing main.py %r" % out)
    # A main.py that fills the heap: MemoryError with its traceback, then the REPL answers.
    b.put_file("main.py", "def fill():\n    keep = []\n    while True:\n        keep.append(bytearray(256))\nfill()\n")
    b.leave_raw()
    out = b.soft_reset()
    check(re.fullmatch(rb"\r\nMPY: soft reboot\r\n" + re.escape(TRACE) + rb'  File "main.py", line 5, in <module>\r\n'
                       rb'  File "main.py", line 4, in fill\r\nMemoryError: [^\r]*\r\n' + BANNER, out),
          "OOM in main.py %r" % out)
    check_equal(b.friendly("import gc; gc.collect(); gc.mem_free() > 20000"),
                b"import gc; gc.collect(); gc.mem_free() > 20000\r\nTrue\r\n>>> ", "memory back after OOM")
    # A soft reset from the raw REPL runs boot.py but not main.py, and stays raw.
    b.put_file("boot.py", "print('B')\n")
    b.put_file("main.py", "print('M')\n")
    check_equal(b.raw_soft_reset(), b"OK\r\nMPY: soft reboot\r\nB\r\nraw REPL; CTRL-B to exit\r\n>",
                "raw soft reset")
    b.leave_raw()
    # Hard reset: boot and main run again, from a hard boot.
    b.write(b"import machine; machine.reset()\r")
    out = b.read_until(b">>> ")
    check(re.search(rb"B\r\nM\r\n\r\n" + BANNER + rb"$", out), "hard reset runs boot and main %r" % out)

# 1M flash: 98 sectors from 153; 2M: 251 from 256; 512K: no filesystem at all.
with Board(flash_size="1M") as b:
    boot = b.read_until(b">>> ")
    check(b"Performing initial setup" in boot, "1M setup")
    check_equal(b.eval("__import__('flashbdev').bdev.start_sec, __import__('flashbdev').bdev.blocks"), (153, 98),
                "1M geometry")
    b.leave_raw()
    check_fsck(b, 153, 98, "1M fsck.fat")
with Board(flash_size="2M") as b:
    b.read_until(b">>> ")
    check_equal(b.eval("__import__('flashbdev').bdev.blocks, __import__('esp').flash_user_start()"), (251, 0x100000),
                "2M geometry")
with Board(flash_size="512K") as b:
    boot = b.read_until(b">>> ")
    check(b"Performing initial setup" not in boot and b"Traceback" not in boot, "512K boot %r" % boot)
    check_equal(b.eval("__import__('flashbdev').bdev, __import__('esp').flash_user_start()"), (None, 0x7B000),
                "512K: no bdev")
    out, err = b.exec_raw("open('x.txt', 'w')")
    check(b"OSError" in err, "no files on 512K: %r" % err)

# A filesystem that does not mount and whose first sector is not blank: the warning loop,
# every 3 s, until Ctrl-C; nothing is formatted.
b = Board(start=False)
try:
    with open(b.flash, "wb") as f:
        f.write(b"\xff" * (4 << 20))
        f.seek(256 * 4096)
        f.write(b"not a filesystem")
    b.start()
    first = b.read_until(b"reprogram MicroPython.\r\n\r\n")
    check(b"The filesystem starting at sector 256 with size 763 sectors looks corrupt." in first, "warning %r" % first)
    check(b"vfs.VfsFat.mkfs(bdev)" in first, "warning names the mkfs call")
    b.read_until(b"looks corrupt.", timeout=5)  # again, 3 s later
    b.write(b"\x03")
    out = b.read_until(b">>> ")
    check(b"KeyboardInterrupt" in out, "Ctrl-C ends the warning loop %r" % out)
    check_equal(b.flash_bytes(256 * 4096, 16), b"not a filesystem", "corrupt filesystem left alone")
finally:
    b.close()
