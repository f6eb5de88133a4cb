# Socket errors are OSError with the OS's errno, compared with CPython (whose subclasses
# such as ConnectionRefusedError carry the same errno). Bad argument types are TypeError.
import socket


def attempt(what, fn, *args):
    try:
        r = fn(*args)
        print(what, "ok", r)
    except OSError as e:
        print(what, "OSError", e.errno)
    except (TypeError, ValueError, OverflowError) as e:
        print(what, type(e).__name__)


srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
port = srv.getsockname()[1]

# nothing listens on a port just given back
tmp = socket.socket()
tmp.bind(("127.0.0.1", 0))
free_port = tmp.getsockname()[1]
tmp.close()

s = socket.socket()
attempt("refused", s.connect, ("127.0.0.1", free_port))
s.close()

s = socket.socket()
attempt("in use", s.bind, ("127.0.0.1", port))
attempt("not local", s.bind, ("192.0.2.1", 0))
attempt("port too big", s.bind, ("127.0.0.1", 70000))
attempt("port negative", s.bind, ("127.0.0.1", -1))
attempt("not a tuple", s.bind, "127.0.0.1")
attempt("short tuple", s.bind, ("127.0.0.1",))
attempt("host type", s.bind, (1234, 80))
attempt("port type", s.bind, ("127.0.0.1", "80"))
attempt("recv unconnected", s.recv, 10)
attempt("negative recv", s.recv, -1)
attempt("bad timeout", s.settimeout, -1)
s.close()
attempt("recv closed", s.recv, 10)
attempt("send closed", s.send, b"x")
attempt("bind closed", s.bind, ("127.0.0.1", 0))

attempt("bad family", socket.getaddrinfo, "127.0.0.1", 80, 12345)
attempt("socket type", socket.socket, socket.AF_INET, 12345)

u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
attempt("listen udp", u.listen, 1)
attempt("send unconnected udp", u.send, b"x")
attempt("sendto bad", u.sendto, b"x", "nowhere")
u.close()

# non-blocking: EAGAIN when nothing is there, EINPROGRESS for a connect on its way
srv.setblocking(False)
attempt("accept nothing", srv.accept)
c = socket.socket()
c.setblocking(False)
attempt("connect in progress", c.connect, ("127.0.0.1", port))
srv.setblocking(True)
conn, _ = srv.accept()
conn.setblocking(False)
attempt("recv nothing", conn.recv, 10)

# a timeout raises OSError (CPython: TimeoutError, a subclass)
conn.settimeout(0.05)
try:
    conn.recv(10)
except OSError as e:
    print("timeout", isinstance(e, OSError))
conn.settimeout(None)
c.send(b"now")
print(conn.recv(10))
conn.close()
c.close()
srv.close()
