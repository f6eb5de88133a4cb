"""The control socket's device commands (docs/control-devices.md): malformed or out-of-range
commands of every device family get an error line and change nothing; random garbage never
stops the board; devices stay attached over a reset and `devices clear` removes them all."""
import random
import socket

from board import Board, check, check_equal

BAD = [
    "i2c", "i2c add", "i2c add 0x50 5", "i2c add 0x07 5 4", "i2c add 0x78 5 4", "i2c add 0x50 6 4",
    "i2c add 0x50 5 4 0", "i2c add 0x50 5 4 65537", "i2c mem 0x50 0 zz", "i2c mem 0x50 0 abc",
    "i2c mem 0x50 255 0102", "i2c mem 0x50 0 600 ?", "i2c stretch 0x50 -1", "i2c remove 0x33",
    "spi add 15 14 13", "spi add 15 14 13 12 4", "spi mem 15 200 1?", "spi mem 15 0 0g",
    "onewire add 7", "onewire add 12 28ff010203040563", "onewire add 12 28ff", "onewire temp 12 126",
    "onewire temp 12 nan", "onewire temp 0102 20",
    "dht add 13 12", "dht add 16", "dht set 13 20 50", "dht set 14 100 50", "dht set 14 20 101",
    "neopixel add 4 0", "neopixel add 4 3 500", "neopixel 5?", "apa102 add 14 13 0", "apa102 add 14 13 200",
    "apa102 9?", "devices", "devices clear now",
]

with Board(control=True) as b:
    check_equal(b.control("i2c add 0x50 5 4"), "ok", "EEPROM")
    check_equal(b.control("i2c add 0x50 12 13"), "error: I2C address 0x50 is taken", "address taken")
    check_equal(b.control("spi add 15 14 13 12"), "ok", "SPI device")
    check_equal(b.control("dht add 14 11"), "ok", "DHT11")
    check_equal(b.control("dht add 14 22"), "error: a DHT is already on pin 14", "one DHT per pin")
    for line in BAD:
        reply = b.control(line)
        check(reply.startswith("error: "), "%r gives an error line: %r" % (line, reply))
    check_equal(b.control("i2c mem 0x50 0 2?"), "i2c mem ffff", "the EEPROM is untouched")

    # Random garbage, fast, on one connection: every non-blank line gets one reply.
    rng = random.Random(5)
    words = ["i2c", "spi", "onewire", "dht", "neopixel", "apa102", "add", "mem", "temp", "set", "?",
             "0x50", "5", "12", "-1", "99999999999999999999", "ff", "zz", "1e9", "nan"]
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(b.control_path)
    f = s.makefile("rb")
    for i in range(400):
        if i % 20 == 0:
            line = bytes(rng.randrange(1, 256) for _ in range(rng.randrange(1, 200))).replace(b"\n", b"x")
        else:
            line = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 7))).encode()
        s.sendall(line + b"\n")
        if line.strip(b" \t\r"):
            check(f.readline().endswith(b"\n"), "a reply for %r" % line)
    s.close()
    b.control("devices clear")
    check_equal(b.control("i2c add 0x50 5 4"), "ok", "EEPROM again")
    check_equal(b.control("i2c mem 0x50 0 abcd"), "ok", "preset")
    b.exec("from machine import I2C, Pin\ni2c = I2C(scl=Pin(5), sda=Pin(4))")
    check_equal(b.eval("i2c.scan()"), [0x50], "only the new EEPROM answers")

    # Devices belong to the world outside: they stay over the reset button.
    check_equal(b.control("reset"), "ok", "reset button")
    b.rebooted()
    b.exec("from machine import I2C, Pin\ni2c = I2C(scl=Pin(5), sda=Pin(4))")
    check_equal(b.eval("i2c.readfrom_mem(0x50, 0, 2)"), b"\xab\xcd", "EEPROM kept over a reset")
    check_equal(b.control("devices clear"), "ok", "clear")
    check_equal(b.eval("i2c.scan()"), [], "nothing left on the bus")
print("ok")
