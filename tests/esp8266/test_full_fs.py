"""A full filesystem: writes fail with OSError ENOSPC, the files already there stay intact,
and space comes back when a file is removed."""
from board import Board, check_equal

with Board(flash_size="1M") as b:
    b.put_file("keep.txt", b"precious data\n" * 20)
    out = b.exec("import os\nf = open('big.bin', 'wb')\nn = 0\ntry:\n    while True:\n"
                 "        f.write(b'x' * 1024)\n        n += 1\nexcept OSError as e:\n    print('errno', e.errno)\n"
                 "f.close()\nprint(n > 300)", timeout=120)
    check_equal(out, b"errno 28\r\nTrue\r\n", "ENOSPC on a full filesystem")
    check_equal(b.get_file("keep.txt"), b"precious data\n" * 20, "earlier file intact")
    check_equal(b.eval("os.stat('big.bin')[6] > 300000"), True, "what was written is kept")
    out = b.exec("try:\n    open('more.txt', 'w').write('y' * 5000)\nexcept OSError as e:\n    print('errno', e.errno)")
    check_equal(out, b"errno 28\r\n", "still full")
    b.exec("os.remove('big.bin')")
    b.put_file("after.txt", b"room again")
    b.leave_raw()
    b.soft_reset()
    check_equal(b.get_file("after.txt"), b"room again", "space is back after remove")
    check_equal(b.get_file("keep.txt"), b"precious data\n" * 20, "earlier file intact after reset")
