# MicroPython's side of sockets: a socket is a stream itself (read, readinto, readline, write),
# makefile() returns the socket, a timeout is OSError(ETIMEDOUT), a non-blocking read gives None.
import errno
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
cli = socket.socket()
cli.connect(srv.getsockname())
conn, addr = srv.accept()

print(cli.makefile("rwb", 0) is cli)
print(cli.write(b"abc\ndef\n"))
print(conn.readline(), conn.read(4))
cli.write(b"0123456789")
buf = bytearray(6)
print(conn.readinto(buf), buf)
print(conn.readinto(buf, 2), buf)
print(conn.read(2))

conn.settimeout(0.05)
try:
    conn.read(1)
except OSError as e:
    print("timeout", e.errno == errno.ETIMEDOUT, e)

conn.setblocking(False)
print("non-blocking read", conn.read(5), conn.readline())
cli.write(b"xy")
import select
select.select([conn], [], [], 1)
print("partial", conn.read(5))
conn.close()
cli.close()
srv.close()
