# ntptime.py: the time from an NTP server over UDP, and setting the RTC from it (UTC).
import socket
import struct

# The server asked; any name or address. `port` is espy's addition (123 is NTP's port).
host = "pool.ntp.org"
port = 123
# Seconds to wait for the answer.
timeout = 1

# Seconds from NTP's epoch (1900-01-01) to the board's: 2000-01-01 on the ESP8266, 1970-01-01
# where the time module counts from there.
_NTP_DELTA = 2208988800 if __import__("time").gmtime(0)[0] == 1970 else 3155673600


def time():
    query = bytearray(48)
    query[0] = 0x23  # leap indicator 0, version 4, mode 3 (client)
    addr = socket.getaddrinfo(host, port)[0][-1]
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.settimeout(timeout)
        s.sendto(query, addr)
        msg = s.recv(48)
    finally:
        s.close()
    if len(msg) < 48:
        raise OSError("short NTP reply")
    val = struct.unpack("!I", msg[40:44])[0]
    return val - _NTP_DELTA


def settime():
    import machine

    t = time()
    tm = __import__("time").gmtime(t)
    machine.RTC().datetime((tm[0], tm[1], tm[2], tm[6] + 1, tm[3], tm[4], tm[5], 0))
