"""The onewire and ds18x20 frozen drivers (and the _onewire C core) against simulated DS18B20
sensors (docs/control-devices.md): presence, ROM search with several sensors, temperatures set
from the control socket, scratchpad, CRC, errors."""
from board import Board, check_equal, error_of


with Board(control=True) as b:
    b.exec("import onewire, ds18x20, _onewire\nfrom machine import Pin")
    # No sensor yet: nobody answers the reset.
    b.exec("ow = onewire.OneWire(Pin(12))\nds = ds18x20.DS18X20(ow)")
    check_equal(b.eval("ow.reset()"), False, "reset without a sensor")
    check_equal(b.exec("try:\n    ow.reset(True)\nexcept onewire.OneWireError as e:\n    print(type(e).__name__)"),
                b"OneWireError\r\n", "reset(required=True) without a sensor")
    check_equal(error_of(b, "ow.reset(True)"), "OneWireError:", "uncaught, it prints as MicroPython does")
    check_equal(b.eval("ow.scan()"), [], "scan without a sensor")

    rom1 = b.control("onewire add 12").split()
    rom2 = b.control("onewire add 12 28ff010203040562").split()
    check_equal(rom1[0], "ok", "first DS18B20")
    check_equal(rom2, ["ok", "28ff010203040562"], "second DS18B20 with a given ROM")
    rom1 = bytes.fromhex(rom1[1])
    check_equal(b.control("onewire 12?"), "onewire 12 %s 28ff010203040562" % rom1.hex(), "ROM codes")
    check_equal(b.eval("_onewire.crc8(%r)" % rom1[:7]), rom1[7], "the ROM's CRC byte")
    check_equal(b.eval("_onewire.crc8(%r)" % rom1), 0, "crc8 over data and CRC is 0")
    check_equal(b.eval("ow.crc8(b'')"), 0, "crc8 of nothing")

    check_equal(b.eval("ow.reset()"), True, "presence pulse")
    b.exec("roms = ds.scan()")
    check_equal(b.eval("sorted(bytes(r) for r in roms)"), sorted([rom1, bytes.fromhex("28ff010203040562")]),
                "SEARCH ROM finds both sensors")
    check_equal(b.eval("type(roms[0]).__name__"), "bytearray", "ROMs are bytearrays")

    # Before the first conversion the sensor reads 85 degrees, as after power-on.
    check_equal(b.eval("ds.read_temp(%r)" % rom1), 85.0, "power-on value")
    check_equal(b.control("onewire temp 12 21.5"), "ok", "both at 21.5")
    check_equal(b.control("onewire temp 28ff010203040562 -10.125"), "ok", "second at -10.125")
    b.exec("ds.convert_temp()")
    check_equal(b.eval("ds.read_temp(%r)" % rom1), 21.5, "read_temp of the first")
    check_equal(b.eval("ds.read_temp(bytes.fromhex('28ff010203040562'))"), -10.125, "negative temperature")
    check_equal(b.control("onewire temp 12 100.0625"), "ok", "a 1/16 degree step")
    b.exec("ds.convert_temp()")
    check_equal(b.eval("[ds.read_temp(r) for r in sorted(roms)]"), [100.0625, 100.0625], "both sensors")

    # Scratchpad: 9 bytes with a CRC; TH, TL and configuration are writable.
    b.exec("sp = bytes(ds.read_scratch(%r))" % rom1)
    check_equal(b.eval("(len(sp), ow.crc8(sp), sp[4])"), (9, 0, 0x7f), "scratchpad layout")
    b.exec("ds.write_scratch(%r, b'\\x11\\x22\\x1f')" % rom1)
    check_equal(b.eval("bytes(ds.read_scratch(%r))[2:5]" % rom1), b"\x11\x22\x1f", "write_scratch")

    # The C core bit by bit: READ ROM with only one sensor on the bus.
    b.control("onewire remove 12")
    b.control("onewire add 12 28ff010203040562")
    b.exec("_onewire.reset(Pin(12))\n_onewire.writebyte(12, 0x33)\n"
           "rom = bytes(_onewire.readbyte(12) for i in range(8))")
    check_equal(b.eval("rom"), bytes.fromhex("28ff010203040562"), "READ ROM through _onewire")
    check_equal(b.eval("_onewire.readbit(12)"), 1, "an idle bus reads 1")
    b.exec("ow.select_rom(rom)\now.writebyte(0x44)\now.select_rom(rom)\now.writebyte(0xbe)\n"
           "buf = bytearray(9)\now.readinto(buf)")
    check_equal(b.eval("ow.crc8(buf)"), 0, "select_rom and readinto")
    check_equal(error_of(b, "_onewire.reset(6)"), "ValueError: invalid pin", "flash pin refused")
    check_equal(error_of(b, "_onewire.crc8(5)").split(":")[0], "TypeError", "crc8 needs a buffer")

    # After the reset button the chip's uptime starts again from 0; the bus timing must not care.
    check_equal(b.control("reset"), "ok", "reset button")
    b.rebooted()
    b.exec("import onewire, ds18x20\nfrom machine import Pin\nds = ds18x20.DS18X20(onewire.OneWire(Pin(12)))")
    check_equal(b.eval("[bytes(r) for r in ds.scan()]"), [bytes.fromhex("28ff010203040562")], "scan after a reset")
    check_equal(b.control("onewire temp 12 33.25"), "ok", "set after the reset")
    b.exec("ds.convert_temp()")
    check_equal(b.eval("ds.read_temp(bytes.fromhex('28ff010203040562'))"), 33.25, "read_temp after a reset")
print("ok")
