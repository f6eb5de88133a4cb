"""WebREPL after a wrong password: a client that hangs up frees the session at once, so an immediate
reconnect logs in (once the lock has ended); reconnecting does not shorten the growing delay, so
guessing stays slow; a refused client that stays connected is closed after its delay."""
import time

from board import Board, check, check_equal
from wsclient import WebREPL, WebSocket

BASE = 28000
PORT = BASE + 8266
DENIED = b"\r\nAccess denied\r\n"
WELCOME = b"\r\nWebREPL connected\r\n>>> "


def attempt(password):
    """A new connection and one password; (answer, when it came, the client)."""
    w = WebREPL("127.0.0.1", PORT, timeout=15)
    answer = w.login(password)
    return answer, time.time(), w


with Board(extra_args=["--net-port-base", str(BASE)]) as b:
    b.read_until(b">>> ")
    b.put_file("webrepl_cfg.py", "PASS = 'abcd'\n")
    b.exec("import webrepl\nwebrepl.start()")
    b.leave_raw()

    # A wrong password, the client hangs up and comes straight back: it is not "another session";
    # its password is answered once the 1 s lock has ended.
    answer, failed_at, w = attempt("nope")
    check_equal(answer, DENIED, "wrong password")
    w.close()
    answer, answered_at, w = attempt("abcd")
    check_equal(answer, WELCOME, "immediate reconnect logs in")
    check(answered_at - failed_at >= 0.9, "answered after the lock (%.2f s)" % (answered_at - failed_at))
    check_equal(w.run("print(6*7)"), b"print(6*7)\r\n42\r\n>>> ", "the session works")
    w.close()

    # Guessing through new connections: each answer waits for the lock of the failure before,
    # and the lock doubles (1 s, 2 s, 4 s); a right password starts the count again.
    _, t1, w = attempt("bad1")
    w.close()
    answer, t2, w = attempt("bad2")
    w.close()
    check_equal(answer, DENIED, "second guess")
    answer, t3, w = attempt("bad3")
    w.close()
    check_equal(answer, DENIED, "third guess")
    answer, t4, w = attempt("abcd")
    check_equal(answer, WELCOME, "right password after the lock")
    gaps = (t2 - t1, t3 - t2, t4 - t3)
    check(gaps[0] >= 0.9 and gaps[1] >= 1.9 and gaps[2] >= 3.9, "delays grow whatever the connection: %r" % (gaps,))
    w.close()

    # A refused client that stays: the session is its own until its delay ends, then it is closed.
    w = WebREPL("127.0.0.1", PORT, timeout=15)
    check_equal(w.login("nope"), DENIED, "wrong password (count started again: 1 s)")
    denied_at = time.time()
    other = WebSocket("127.0.0.1", PORT)
    check_equal(other.recv_frame(), (1, b"\r\nConcurrent WebREPL connection rejected\r\n"), "busy meanwhile")
    other.close()
    try:
        w.sock.settimeout(10)
        closed = w.sock.recv(100) == b""
    except OSError:
        closed = True
    waited = time.time() - denied_at
    check(closed and 0.8 <= waited < 8, "closed after its delay (%r after %.2f s)" % (closed, waited))
    w.close()
    w = WebREPL("127.0.0.1", PORT, "abcd", timeout=15)
    check_equal(w.run("print('back')"), b"print('back')\r\nback\r\n>>> ", "next client logs in")
    w.close()
print("ok")
