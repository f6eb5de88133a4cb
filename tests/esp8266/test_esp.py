# The esp module on the simulated flash: NOR writes, erase, reads into buffers, sizes, errors.
from board import Board, check, check_equal

with Board() as b:
    b.wait_prompt()
    b.exec("import esp")
    check_equal(b.eval("esp.flash_size(), esp.flash_user_start(), esp.flash_id() & 0xff"), (4 << 20, 0x100000, 0xEF),
                "sizes and vendor")
    sector = 1000
    addr = sector * 4096
    b.exec("esp.flash_erase(%d)" % sector)
    check_equal(b.eval("esp.flash_read(%d, 8)" % addr), b"\xff" * 8, "erased")
    b.exec("esp.flash_write(%d, b'\\x0f\\xf0\\x55\\xaa')" % addr)
    b.exec("esp.flash_write(%d, b'\\xf3\\x3f\\xff\\x0f')" % addr)
    check_equal(b.eval("esp.flash_read(%d, 4)" % addr), b"\x03\x30\x55\x0a", "writes only clear bits")
    check_equal(b.flash_bytes(addr, 4), b"\x03\x30\x55\x0a", "the image file holds it")
    check_equal(b.eval("(lambda buf: (esp.flash_read(%d, buf), bytes(buf)))(bytearray(3))" % addr),
                (None, b"\x03\x30\x55"), "read into a buffer")
    out, err = b.exec_raw("esp.flash_write(%d, b'abc')" % addr)
    check(err.endswith(b"ValueError: len must be multiple of 4\r\n"), "length check %r" % err)
    out, err = b.exec_raw("esp.flash_read(%d, 16)" % ((4 << 20) - 8))
    check(b"[Errno 5] EIO" in err, "read past the end %r" % err)
    out, err = b.exec_raw("esp.flash_erase(1024)")
    check(b"[Errno 5] EIO" in err, "erase past the end %r" % err)
    # check_fw: the simulated flash holds no firmware image, and says so.
    check_equal(b.exec("print(esp.check_fw())"), b"size: -1\r\nInvalid size\r\nFalse\r\n", "check_fw")
    check_equal(b.eval("esp.sleep_type(), esp.SLEEP_NONE, esp.SLEEP_LIGHT, esp.SLEEP_MODEM"), (2, 0, 1, 2), "sleep type")
    check_equal(b.eval("esp.osdebug(None), esp.set_native_code_location(None, None)"), (None, None), "osdebug")
    out, err = b.exec_raw("esp.set_native_code_location(100, 4096)")
    check(b"ValueError" in err, "native code location checked %r" % err)
    check_equal(b.eval("(lambda a: (a != 0, esp.freemem() < 29184, esp.free(a)))(esp.malloc(100))"), (True, True, None),
                "malloc/free")
    check_equal(b.eval("esp.freemem()"), 29184, "freemem back")
