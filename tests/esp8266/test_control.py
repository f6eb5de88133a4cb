"""The control socket (docs/control-protocol.md): replies, errors for malformed lines, garbage,
long lines, several clients in turn and at once, time?, uart1?, reset."""
import os
import socket
import time

from board import Board, BoardError, check, check_equal


class Client:
    def __init__(self, path):
        self.s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.s.settimeout(5)
        self.s.connect(path)
        self.pending = b""

    def send(self, data):
        self.s.sendall(data if isinstance(data, bytes) else data.encode())

    def line(self):
        while b"\n" not in self.pending:
            chunk = self.s.recv(4096)
            if not chunk:
                raise EOFError("control socket closed; got %r" % self.pending)
            self.pending += chunk
        line, self.pending = self.pending.split(b"\n", 1)
        return line.decode()

    def ask(self, text):
        self.send(text + "\n")
        return self.line()

    def close(self):
        self.s.close()


with Board(control=True) as b:
    path = b.control_path
    c = Client(path)
    check(c.ask("help").startswith("ok commands:"), "help")
    t1 = int(c.ask("time?").split()[1])
    time.sleep(0.05)
    t2 = int(c.ask("time?").split()[1])
    check(t2 - t1 >= 40000, "time? is the uptime in us: %d then %d" % (t1, t2))

    # Malformed lines: one error reply each, the board unharmed.
    for bad in ("bogus", "pin", "pin x 1", "pin 4 2", "pin 4 1 2", "pin 4", "pin 6 1", "pin 17?", "pin -1?",
                "pin 4 float 1", "pwm", "pwm 2 3?", "adc", "adc 0", "adc 9?", "uart1", "time", "reset now",
                "?", "pin 4??", "a b c d e f g h i j k l m n o p q r s t"):
        reply = c.ask(bad)
        check(reply.startswith("error: "), "%r gives an error, not %r" % (bad, reply))
    check_equal(c.ask("bogus"), "error: unknown command 'bogus'", "unknown command text")

    # Blank lines get no reply; several commands in one write get their replies in order;
    # '\r\n' line ends and '?' as a separate word work.
    c.send("\n\n  \npin 4 1\r\npin 4 ?\r\npin 4 float\n")
    check_equal(c.line(), "ok", "first of three")
    check(c.line().startswith("pin 4 level 1 "), "second of three")
    check_equal(c.line(), "ok", "third of three")

    # Long lines and garbage.
    c.send("x" * 5000 + "\n")
    check_equal(c.line(), "error: line too long", "a 5000-byte line")
    c.send(bytes(range(256)).replace(b"\n", b"") + b"\n")
    check(c.line().startswith("error: "), "binary garbage")
    c.send(b"pin\x00 4 1\n")
    check(c.line().startswith("error: "), "a NUL inside a line")
    c.send(b"\xff\xfe\xfd?\n")
    check(c.line().startswith("error: "), "invalid UTF-8")
    check_equal(c.ask("pin 4 0"), "ok", "the same client still works")
    check_equal(b.exec("from machine import Pin\nprint(Pin(4).value())"), b"0\r\n", "the board still works")
    c.close()

    # Clients one after another (the harness's control() connects each time).
    for i in range(40):
        check_equal(b.control("pin 5 %d" % (i % 2)), "ok", "client %d" % i)
    check_equal(b.eval("Pin(5).value()"), 1, "the last client's level")

    # Several at once, each with its own line buffer.
    c1, c2, c3 = Client(path), Client(path), Client(path)
    c1.send("pin 12 ")
    c2.send("pin 13 ")
    c1.send("1\n")
    c2.send("0\n")
    check_equal((c1.line(), c2.line()), ("ok", "ok"), "interleaved half lines")
    check_equal(c3.ask("pin 12?").split()[3], "1", "third client sees the first's level")
    c4 = Client(path)
    try:
        check_equal(c4.line(), "error: too many clients", "a fourth client is told")
    except EOFError:
        check(False, "a fourth client gets an error line before the close")
    c4.close()
    # A client that goes away in the middle of a line.
    c2.send("pin 13 1")
    c2.close()
    check_equal(c1.ask("pin 13?").split()[3], "0", "a half line from a closed client is dropped")
    c1.close()
    c3.close()
    check_equal(b.control("pin 14 1"), "ok", "a slot is free again")

    # A client that never reads its replies does not stall the board.
    lazy = Client(path)
    lazy.send("time?\n" * 20000)
    check_equal(b.exec("print('running')"), b"running\r\n", "the board runs on")
    lazy.close()

    # uart1? : what UART1 sent (empty when nothing).
    check_equal(b.control("uart1?"), "uart1 ", "nothing sent on UART1")
    try:
        b.exec("from machine import UART\nu = UART(1, 115200)\nu.write(b'hi\\n')")
        check_equal(b.control("uart1?"), "uart1 68690a", "UART1 output as hex")
        check_equal(b.control("uart1?"), "uart1 ", "taken once")
    except BoardError as e:
        print("(UART1 not in this build: %s)" % e.args[1].decode().strip().splitlines()[-1])

    # reset: the button. The board reboots (cause HARD_RESET); the socket stays.
    b.leave_raw()
    check_equal(b.control("reset"), "ok", "reset")
    boot = b.read_until(b">>> ", timeout=10)
    check(b"MicroPython" in boot, "rebooted after reset: %r" % boot[-200:])
    check_equal(b.eval("__import__('machine').reset_cause()"), 6, "reset_cause() HARD_RESET")
    check_equal(b.control("pin 5?").split()[5], "in", "a hard reset makes pins inputs again")
    check_equal(b.control("pin 4?").split()[11], "0", "levels set from outside stay over the reset")
    check(os.path.exists(path), "the socket stays")

print("ok")
