# Files in and out through the raw REPL the way mpremote does it (fs cp, ls, mkdir, sha256),
# checked against the flash image with mtools.
import hashlib
import os
import random
import subprocess

from board import Board, check, check_equal

rng = random.Random(1)
blob = bytes(range(256)) * 8 + bytes(rng.randrange(256) for _ in range(3000))
text = "".join("line %d: %s\n" % (i, "é" * (i % 5)) for i in range(200)).encode()

with Board() as b:
    b.wait_prompt()
    b.enter_raw(soft_reset=True)  # mpremote's first command of a session
    b._in_raw = True
    b.exec("import os")
    b.exec("os.mkdir('lib')")
    b.put_file("lib/blob.bin", blob)
    b.put_file("notes.txt", text)
    check_equal(b.get_file("lib/blob.bin"), blob, "binary file round trip")
    check_equal(b.get_file("notes.txt"), text, "text file round trip")
    # mpremote's ls: ilistdir; stat's mode bit 0x4000 means a directory.
    entries = sorted(b.eval("[(e[0], e[1], e[3]) for e in os.ilistdir('/')]"))
    check_equal(entries, [("boot.py", 0x8000, 228), ("lib", 0x4000, 0), ("notes.txt", 0x8000, len(text))], "ilistdir")
    check_equal(b.eval("os.stat('lib')[0] & 0x4000, os.stat('lib/blob.bin')[6]"), (0x4000, len(blob)), "stat")
    # mpremote's sha256 check after a copy.
    b.exec("import hashlib, binascii")
    digest = b.eval("binascii.hexlify(hashlib.sha256(open('lib/blob.bin','rb').read()).digest())")
    check_equal(digest, hashlib.sha256(blob).hexdigest().encode(), "sha256 on the board")
    # Errors come back with errno names, as mpremote expects.
    out, err = b.exec_raw("open('missing.txt')")
    check(err.endswith(b"Error: [Errno 2] ENOENT\r\n"), "missing file: %r" % err)
    out, err = b.exec_raw("os.mkdir('lib')")
    check(err.endswith(b"Error: [Errno 17] EEXIST\r\n"), "existing dir: %r" % err)
    # Modules in /lib import (sys.path has '/lib').
    b.put_file("lib/helper.py", "def answer():\n    return 42\n")
    check_equal(b.exec("import helper; print(helper.answer())"), b"42\r\n", "import from /lib")
    b.leave_raw()
    # The same files as an independent FAT reader sees them.
    fs = os.path.join(b.tmpdir, "fs.img")
    with open(fs, "wb") as f:
        f.write(b.flash_bytes(256 * 4096, 763 * 4096))
    r = subprocess.run(["mtype", "-i", fs, "::lib/blob.bin"], capture_output=True)
    check_equal(r.stdout, blob, "mtools reads the copied file")
    r = subprocess.run(["fsck.fat", "-n", fs], capture_output=True, text=True)
    check(r.returncode == 0, "fsck.fat: %s%s" % (r.stdout, r.stderr))
    # Files survive a power cycle (they are in the flash image).
    b.power_cycle()
    b.wait_prompt()
    check_equal(b.get_file("notes.txt"), text, "file after power cycle")
