"""machine.I2C / SoftI2C on the simulated board: a 24Cxx EEPROM on the bus (docs/control-devices.md):
scan, memory reads and writes, plain and primitive transfers, NACK and clock-stretch errors."""
from board import Board, check, check_equal, error_of


with Board(control=True) as b:
    check_equal(b.control("i2c add 0x50 5 4"), "ok", "attach a 24C02 at 0x50")
    check_equal(b.control("i2c add 0x57 5 4 4096"), "ok", "attach a 24C32 at 0x57")
    check_equal(b.control("i2c mem 0x50 0 c0ffee"), "ok", "preset EEPROM bytes")
    b.exec("from machine import I2C, SoftI2C, Pin\ni2c = I2C(scl=Pin(5), sda=Pin(4))")

    check(b.eval("I2C is SoftI2C"), "machine.I2C is SoftI2C")
    check_equal(b.eval("repr(i2c)"), "SoftI2C(scl=5, sda=4, freq=500000)", "repr")
    check_equal(b.eval("repr(SoftI2C(Pin(5), Pin(4), 100000))"), "SoftI2C(scl=5, sda=4, freq=100000)",
                "positional pins and freq")
    check_equal(b.eval("i2c.scan()"), [0x50, 0x57], "scan finds both EEPROMs")

    # Memory access with 8- and 16-bit memory addresses.
    check_equal(b.eval("i2c.readfrom_mem(0x50, 0, 3)"), b"\xc0\xff\xee", "readfrom_mem sees preset bytes")
    b.exec("i2c.writeto_mem(0x50, 0x10, b'hello')")
    check_equal(b.control("i2c mem 0x50 0x10 5?"), "i2c mem 68656c6c6f", "writeto_mem reached the device")
    check_equal(b.eval("i2c.readfrom_mem(0x50, 0x0f, 7)"), b"\xffhello\xff", "readfrom_mem around it")
    b.exec("buf = bytearray(4)\ni2c.readfrom_mem_into(0x50, 0x11, buf)")
    check_equal(b.eval("bytes(buf)"), b"ello", "readfrom_mem_into")
    b.exec("i2c.writeto_mem(0x57, 0x0abc, b'wide', addrsize=16)")
    check_equal(b.control("i2c mem 0x57 0x0abc 4?"), "i2c mem 77696465", "16-bit memory address write")
    check_equal(b.eval("i2c.readfrom_mem(0x57, 0x0abc, 4, addrsize=16)"), b"wide", "16-bit memory address read")

    # Plain transfers: the first written byte sets the EEPROM's pointer, reads continue from it.
    check_equal(b.eval("i2c.writeto(0x50, b'\\x20abc')"), 4, "writeto returns the ACK count")
    check_equal(b.eval("i2c.writeto(0x50, b'\\x20', False)"), 1, "writeto without STOP")
    check_equal(b.eval("i2c.readfrom(0x50, 3)"), b"abc", "readfrom after a repeated START")
    check_equal(b.eval("i2c.writevto(0x50, (b'\\x30', b'xy', bytearray(b'z')))"), 4, "writevto")
    check_equal(b.control("i2c mem 0x50 0x30 3?"), "i2c mem 78797a", "writevto data")
    b.exec("buf = bytearray(3)\ni2c.writeto(0x50, b'\\x30', False)\ni2c.readfrom_into(0x50, buf)")
    check_equal(b.eval("bytes(buf)"), b"xyz", "readfrom_into")

    # Primitive operations: the program frames the transaction itself.
    b.exec("i2c.start()\nacks = i2c.write(b'\\xa0\\x10')\ni2c.start()\nacks += i2c.write(b'\\xa1')\n"
           "buf = bytearray(5)\ni2c.readinto(buf)\ni2c.stop()")
    check_equal(b.eval("(acks, bytes(buf))"), (3, b"hello"), "start/write/readinto/stop")
    b.exec("i2c.start()\nacks = i2c.write(b'\\xa2\\x00')\ni2c.stop()")
    check_equal(b.eval("acks"), 0, "write to a missing address: no ACK, stops at once")

    # Nobody at the address: ENODEV. A device stretching SCL past the timeout: ETIMEDOUT.
    check_equal(error_of(b, "i2c.readfrom(0x42, 1)"), "OSError: [Errno 19] ENODEV", "NACK on address")
    check_equal(error_of(b, "i2c.writeto(0x42, b'x')"), "OSError: [Errno 19] ENODEV", "NACK on write")
    check_equal(error_of(b, "i2c.readfrom_mem(0x42, 0, 1)"), "OSError: [Errno 19] ENODEV", "NACK in readfrom_mem")
    check_equal(b.control("i2c stretch 0x50 200"), "ok", "short clock stretching")
    check_equal(b.eval("i2c.readfrom_mem(0x50, 0x10, 5)"), b"hello", "a stretched clock within the timeout")
    check_equal(b.control("i2c stretch 0x50 100000"), "ok", "long clock stretching")
    b.exec("slow = I2C(scl=Pin(5), sda=Pin(4), timeout=1000)")
    check_equal(error_of(b, "slow.readfrom_mem(0x50, 0x10, 5)"), "OSError: [Errno 110] ETIMEDOUT",
                "stretching past the timeout")
    check_equal(b.control("i2c stretch 0x50 0"), "ok", "stretching off")
    check_equal(b.eval("i2c.readfrom_mem(0x50, 0x10, 5)"), b"hello", "the bus works again")

    # Bad arguments.
    check_equal(error_of(b, "I2C(scl=Pin(5))"), "TypeError: function missing required argument 'sda' (pos 2)",
                "sda is required")
    check_equal(error_of(b, "I2C(scl=6, sda=4)"), "ValueError: invalid pin", "flash pin refused")
    check_equal(error_of(b, "I2C(scl=5, sda=4, freq=0)"), "ValueError: invalid freq", "freq 0 refused")
    check_equal(error_of(b, "i2c.readfrom_mem(0x50, 0, 1, addrsize=12)"), "ValueError: invalid addrsize",
                "addrsize not a multiple of 8")
    check(error_of(b, "i2c.writeto(0x50, 12)").startswith("TypeError: "), "writeto needs a buffer")
    check(b.eval("i2c.scan() == [0x50, 0x57]"), "the bus still works after the errors")
print("ok")
