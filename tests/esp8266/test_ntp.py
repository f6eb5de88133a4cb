"""ntptime against a tiny NTP responder on the host's loopback: the query's form, time() and
settime() (the RTC in UTC), and a timeout when nobody answers."""
import socket
import struct
import threading
import time

from board import Board, BoardError, check, check_equal

NTP_DELTA = 3155673600  # 1900-01-01 to 2000-01-01
# 2024-02-29 12:34:56 UTC in seconds since 2000-01-01.
BOARD_SECONDS = 762525296
queries = []
answering = [True]

server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", 0))
port = server.getsockname()[1]


def serve():
    while True:
        try:
            data, addr = server.recvfrom(512)
        except OSError:
            return
        queries.append(data)
        if not answering[0]:
            continue
        reply = bytearray(48)
        reply[0] = 0x24  # version 4, mode 4 (server)
        reply[40:44] = struct.pack("!I", BOARD_SECONDS + NTP_DELTA)
        server.sendto(bytes(reply), addr)


threading.Thread(target=serve, daemon=True).start()

with Board() as b:
    b.read_until(b">>> ")
    b.exec("import ntptime\nntptime.host = '127.0.0.1'\nntptime.port = %d" % port)
    # The board counts from 2000-01-01 (the ESP8266's epoch) or from 1970-01-01.
    epoch_offset = 946684800 if b.eval("__import__('time').gmtime(0)[0]") == 1970 else 0
    check_equal(b.eval("(ntptime.timeout, ntptime.time())"), (1, BOARD_SECONDS + epoch_offset), "time()")
    check_equal(len(queries), 1, "one query")
    check_equal((len(queries[0]), queries[0][0]), (48, 0x23), "query form")
    b.exec("ntptime.settime()")
    check_equal(b.eval("__import__('time').gmtime()[:6]"), (2024, 2, 29, 12, 34, 56), "RTC set")
    check_equal(b.eval("__import__('machine').RTC().datetime()[:3]"), (2024, 2, 29), "RTC date")
    answering[0] = False
    try:
        b.exec("ntptime.time()", timeout=10)
        check(False, "no answer must raise")
    except BoardError as e:
        check(b"OSError" in e.args[1], "timeout error: %r" % e.args[1])
print("ok")
