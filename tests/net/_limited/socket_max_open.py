# For builds with ES_SOCKET_MAX_OPEN = 5 (the ESP8266 port): a sixth open socket raises
# OSError(ENOMEM); closing one, or forgetting one (the collector closes it), makes room.
# Not run by tests/run (the host has no limit); expected output in socket_max_open.py.exp.
import errno
import gc
import socket

held = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(5)]
try:
    socket.socket()
except OSError as e:
    print("sixth", e.errno == errno.ENOMEM)

held.pop().close()
s = socket.socket()
print("after close", s.fileno() >= 0)

held.pop()  # forgotten, still open until collected
t = socket.socket()
print("after forgetting", t.fileno() >= 0)

# accept() counts too
s.close()
t.close()
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
c = socket.socket()
c.connect(srv.getsockname())
try:
    srv.accept()
except OSError as e:
    print("accept at the limit", e.errno == errno.ENOMEM)
held.pop().close()
conn, addr = srv.accept()
print("accepted", conn.fileno() >= 0)
for x in held + [c, conn, srv]:
    x.close()
print("all closed", len([socket.socket() for _ in range(5)]))
