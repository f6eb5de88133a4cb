"""The dht frozen driver and machine.dht_readinto against simulated DHT11 and DHT22 sensors
(docs/control-devices.md): readings set from the control socket, negative temperatures, errors."""
from board import Board, check, check_equal, error_of


with Board(control=True) as b:
    check_equal(b.control("dht add 13 22"), "ok", "DHT22 on GPIO13")
    check_equal(b.control("dht add 14 11"), "ok", "DHT11 on GPIO14")
    b.exec("import dht, machine, esp\nfrom machine import Pin\nd22 = dht.DHT22(Pin(13))\nd11 = dht.DHT11(Pin(14))")

    b.exec("d22.measure()")
    check_equal(b.eval("(round(d22.temperature(), 1), round(d22.humidity(), 1))"), (20.0, 50.0),
                "DHT22 as attached")
    check_equal(b.control("dht set 13 -12.3 45.6"), "ok", "DHT22 below zero")
    b.exec("d22.measure()")
    check_equal(b.eval("(round(d22.temperature(), 1), round(d22.humidity(), 1))"), (-12.3, 45.6),
                "negative DHT22 temperature (sign bit)")
    check_equal(b.eval("bytes(d22.buf)"), bytes([0x01, 0xc8, 0x80, 0x7b, 0xc4]), "DHT22 raw bytes")
    check_equal(b.control("dht set 14 23 61"), "ok", "DHT11 reading")
    b.exec("d11.measure()")
    check_equal(b.eval("(d11.temperature(), d11.humidity())"), (23, 61), "DHT11 whole numbers")

    # The C function alone, as machine.dht_readinto and esp.dht_readinto.
    b.exec("buf = bytearray(5)\nmachine.dht_readinto(Pin(14), buf)")
    check_equal(b.eval("bytes(buf)"), bytes([61, 0, 23, 0, 84]), "machine.dht_readinto")
    b.exec("buf = bytearray(6)\nesp.dht_readinto(14, buf)")
    check_equal(b.eval("bytes(buf[:5])"), bytes([61, 0, 23, 0, 84]), "esp.dht_readinto with a pin number")

    # No sensor: ETIMEDOUT; bad buffers and pins: exceptions, never a hang.
    check_equal(error_of(b, "dht.DHT11(Pin(12)).measure()"), "OSError: [Errno 110] ETIMEDOUT", "no sensor")
    check_equal(error_of(b, "machine.dht_readinto(Pin(13), bytearray(4))"), "ValueError: buffer too small",
                "buffer of 4")
    check(error_of(b, "machine.dht_readinto(Pin(13), b'12345')").startswith("TypeError"), "read-only buffer")
    check_equal(error_of(b, "machine.dht_readinto(11, bytearray(5))"), "ValueError: invalid pin", "flash pin")
    b.exec("d22.measure()")
    check_equal(b.eval("round(d22.temperature(), 1)"), -12.3, "the sensor still answers afterwards")
print("ok")
