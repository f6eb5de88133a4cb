"""The readable callback (setsockopt(SOL_SOCKET, 20, fn)) fires once per arrival, as lwIP's does:
a listener whose accept would fail with ENOMEM (all five sockets in use) lets the connection wait
without calling again and again, and is called when a socket is closed; a callback that takes
nothing is called again only when more arrives. The board stays idle meanwhile."""
import os
import socket
import time

from board import Board, check, check_equal

BASE = 27000
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


def wait_for(b, expr, want, timeout=5):
    deadline = time.time() + timeout
    while time.time() < deadline:
        got = b.eval(expr)
        if got == want:
            return got
        time.sleep(0.1)
    return got


with Board(extra_args=["--net-port-base", str(BASE)]) as b:
    b.read_until(b">>> ")
    b.exec("import socket\n"
           "calls = []\naccepted = []\n"
           "def on_accept(s):\n"
           "    calls.append(1)\n"
           "    try:\n"
           "        accepted.append(s.accept()[0])\n"
           "    except OSError as e:\n"
           "        calls.append(e.errno)\n"
           "srv = socket.socket()\nsrv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
           "srv.bind(('0.0.0.0', 81))\nsrv.listen(2)\nsrv.setblocking(False)\n"
           "srv.setsockopt(socket.SOL_SOCKET, 20, on_accept)\n"
           "others = [socket.socket() for i in range(4)]")

    # Five sockets in use: a connection arrives and waits; the callback is not called.
    c = socket.create_connection(("127.0.0.1", BASE + 81), timeout=5)
    c.sendall(b"hi")
    cpu_before = cpu_seconds(b.proc.pid)
    time.sleep(1.5)
    cpu_used = cpu_seconds(b.proc.pid) - cpu_before
    check_equal(b.eval("calls"), [], "no call while accept would fail")
    check(cpu_used < 0.75, "the board stays idle while the connection waits (%.2f s of CPU in 1.5 s)" % cpu_used)

    # A socket is closed: the callback is called and accepts the connection that waited.
    b.exec("others.pop().close()")
    check_equal(wait_for(b, "len(accepted)", 1), 1, "accepted once a socket was free")
    check_equal(b.eval("(calls, accepted[0].recv(2))"), ([1], b"hi"), "one call, the data that waited")
    b.exec("accepted[0].send(b'ok')")
    check_equal(c.recv(2), b"ok", "the connection works")
    c.close()
    b.exec("accepted[0].close()\nsrv.close()\nfor s in others: s.close()\naccepted.clear()")

    # A callback that takes nothing is called once per arrival, not over and over.
    b.exec("hits = []\n"
           "lst = socket.socket()\nlst.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
           "lst.bind(('0.0.0.0', 82))\nlst.listen(4)\n"
           "lst.setsockopt(socket.SOL_SOCKET, 20, lambda s: hits.append('conn'))")
    c1 = socket.create_connection(("127.0.0.1", BASE + 82), timeout=5)
    check_equal(wait_for(b, "len(hits)", 1), 1, "first connection: one call")
    time.sleep(1)
    check_equal(b.eval("len(hits)"), 1, "still one call while the connection waits")
    c2 = socket.create_connection(("127.0.0.1", BASE + 82), timeout=5)
    check_equal(wait_for(b, "len(hits)", 2), 2, "second connection: one more call")
    b.exec("a = lst.accept()[0]\nb2 = lst.accept()[0]\n"
           "a.setsockopt(socket.SOL_SOCKET, 20, lambda s: hits.append('data'))")
    c1.sendall(b"x")
    check_equal(wait_for(b, "hits.count('data')", 1), 1, "data: one call")
    time.sleep(1)
    check_equal(b.eval("hits.count('data')"), 1, "unread data: no more calls")
    c1.sendall(b"y")
    check_equal(wait_for(b, "hits.count('data')", 2), 2, "more data: one more call")
    check_equal(b.eval("a.recv(10)"), b"xy", "the data")
    c1.sendall(b"z")
    check_equal(wait_for(b, "hits.count('data')", 3), 3, "data after a read: called again")
    c1.close()
    c2.close()
    b.exec("a.close()\nb2.close()\nlst.close()")

    # A connection that arrives while the callback runs (after its accept) gets its own call.
    b.exec("import time\nslow = []\n"
           "def on_slow(s):\n"
           "    slow.append(s.accept()[0])\n"
           "    time.sleep_ms(400)\n"
           "lst = socket.socket()\nlst.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
           "lst.bind(('0.0.0.0', 83))\nlst.listen(4)\n"
           "lst.setsockopt(socket.SOL_SOCKET, 20, on_slow)")
    c1 = socket.create_connection(("127.0.0.1", BASE + 83), timeout=5)
    time.sleep(0.15)
    c2 = socket.create_connection(("127.0.0.1", BASE + 83), timeout=5)
    check_equal(wait_for(b, "len(slow)", 2), 2, "both connections accepted")
    c1.close()
    c2.close()
    b.exec("for s in slow: s.close()\nlst.close()")
    check_equal(b.eval("6*7"), 42, "board answers")
print("ok")
