# Hard boot: one "\r\n", the banner (beginning "MicroPython v", as mpremote and Thonny expect), ">>> ".
import re

from board import Board, check, check_equal

BANNER_RE = rb'MicroPython v[0-9][^ ]* on \d{4}-\d\d-\d\d; ESP module with ESP8266\r\nType "help\(\)" for more information\.\r\n'

with Board() as b:
    boot = b.read_until(b">>> ")
    check(re.fullmatch(rb"(Writing init data\n)?(Performing initial setup\r\n)?\r\n" + BANNER_RE + rb">>> ", boot), "boot output %r" % boot)
    # The SDK's init data was written into the image, 16 KiB before the end of 4 MiB.
    check(b.flash_bytes(4 * 1024 * 1024 - 0x4000, 4) != b"\xff" * 4, "esp_init_data written")
    check_equal(b.friendly("1+2"), b"1+2\r\n3\r\n>>> ", "expression echo")
    check_equal(b.friendly("import sys; sys.platform"), b"import sys; sys.platform\r\n'esp8266'\r\n>>> ", "platform")
    check_equal(b.friendly("sys.path"), b"sys.path\r\n['', '.frozen', '/lib', '/']\r\n>>> ", "sys.path")
    # Ctrl-B on an empty line prints the banner again without a reset.
    b.write(b"\x02")
    again = b.read_until(b">>> ")
    check(re.fullmatch(rb"\r\n" + BANNER_RE + rb">>> ", again), "Ctrl-B banner %r" % again)

# Board names follow the flash size, as the firmware builds do.
for size, name in (("1M", b"ESP module (1M) with ESP8266"), ("512K", b"ESP module (512K) with ESP8266"),
                   ("2M", b"ESP module with ESP8266")):
    with Board(flash_size=size) as b:
        boot = b.read_until(b">>> ")
        check(name + b"\r\n" in boot, "%s banner %r" % (size, boot))
