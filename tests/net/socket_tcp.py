# TCP over loopback between two sockets of one script, compared with CPython.
import socket

print(socket.AF_INET, socket.SOCK_STREAM, socket.SOCK_DGRAM, socket.SOCK_RAW)
print(socket.IPPROTO_TCP, socket.IPPROTO_UDP, socket.TCP_NODELAY)

ai = socket.getaddrinfo("127.0.0.1", 8080, socket.AF_INET, socket.SOCK_STREAM)
print([(int(f), int(k), p, c, a) for f, k, p, c, a in ai])  # CPython's are enums
family, kind, proto, canon, addr = ai[0]

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(2)
host, port = srv.getsockname()
print(host, 0 < port < 65536)

cli = socket.socket(family, kind, proto)
cli.connect((host, port))
conn, peer = srv.accept()
print("accepted", peer == cli.getsockname(), conn.getpeername() == peer)
cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

print("send", cli.send(b"hello"))
print(conn.recv(5))
cli.sendall(b"x" * 100000)
got = 0
while got < 100000:
    got += len(conn.recv(65536))
print("sendall", got)

# the stream side: makefile gives something with readline/read/write
cf = cli.makefile("rwb", 0)
sf = conn.makefile("rwb", 0)
cf.write(b"line one\nline two\npartial")
print(sf.readline())
print(sf.readline())
buf = bytearray(4)
print(sf.readinto(buf), buf)
sf.write(b"reply\n")
print(cf.readline())

# recv_into-free partial reads, then end of stream once the peer closes
cli.sendall(b"end")
cf.close()  # CPython's file holds the socket open until it is closed too
cli.close()
print(sf.read())
print(conn.recv(10))
sf.close()
print(cli.fileno())

conn.close()
srv.close()

# with-statement closes
with socket.socket() as s:
    print("inside", s.fileno() >= 0)
print("after", s.fileno())
