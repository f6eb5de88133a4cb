"""docs/http-example.md: the board's web server (callback form) answers the host's HTTP
requests through the port mapping and toggles GPIO2, seen on the control socket."""
import re
import time

from board import ROOT, Board, check, check_equal, tcp_exchange

BASE = 26000


def example_code():
    with open(ROOT + "/docs/http-example.md") as f:
        blocks = re.findall(r"```python\n(.*?)```", f.read(), re.S)
    server, callback = blocks
    # The callback form instead of the blocking loop.
    return server.split("while True:")[0] + callback


def get(path):
    return tcp_exchange(BASE + 80, b"GET " + path.encode() + b" HTTP/1.0\r\nHost: board\r\n\r\n")


with Board(control=True, extra_args=["--net-port-base", str(BASE)]) as b:
    b.read_until(b">>> ")
    check_equal(b.exec(example_code()), b"listening on port 80\r\n", "server started")
    check(b"LED is off" in get("/"), "page")
    check(b"LED is on" in get("/on"), "on")
    check(b.control("pin 2?").startswith("pin 2 level 0"), "GPIO2 low: %s" % b.control("pin 2?"))
    check(b"LED is off" in get("/toggle"), "toggle")
    check(b.control("pin 2?").startswith("pin 2 level 1"), "GPIO2 high")
    check_equal(b.exec("print(6*7)"), b"42\r\n", "REPL free meanwhile")
print("ok")
