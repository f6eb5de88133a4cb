#!/usr/bin/env python3
"""interrupt_check.py: Ctrl-C (SIGINT) must interrupt every blocking network wait of espy.

Usage: interrupt_check.py [--espy PATH]

Each scenario is a script that says "waiting" (a datagram to this check, since a piped
stdout is not flushed at once), blocks for ever in one kind of wait, and prints
"interrupted" when KeyboardInterrupt reaches it. The check sends SIGINT once the script
waits and expects "interrupted" and exit status 0 within a few seconds. The last line
printed is `N passed, M failed`.
"""
import argparse
import os
import signal
import socket
import subprocess
import sys
import time

PRELUDE = """
import sys
sys.path.append(".frozen")
import select, socket
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.bind(("127.0.0.1", 0))
def ready():
    udp.sendto(b"waiting", ("127.0.0.1", %d))
"""

SCENARIOS = {
    "poll": "p = select.poll(); p.register(udp, select.POLLIN); ready(); p.poll()",
    "ipoll": "p = select.poll(); p.register(udp, select.POLLIN); ready(); list(p.ipoll(-1))",
    "empty poll": "p = select.poll(); ready(); p.poll(-1)",
    "select": "ready(); select.select([udp], [], [])",
    "stream poll": (
        "class Never:\n"
        "    def ioctl(self, req, arg):\n"
        "        return 0\n"
        "p = select.poll(); p.register(Never(), select.POLLIN); ready(); p.poll()"
    ),
    "recv": "ready(); udp.recv(10)",
    "recv with timeout": "udp.settimeout(100); ready(); udp.recv(10)",
    "accept": (
        "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(1); ready(); s.accept()"
    ),
    "asyncio sleep": "import asyncio\nready()\nasyncio.run(asyncio.sleep(100))",
    "asyncio stream": (
        "import asyncio\n"
        "async def main():\n"
        "    srv = await asyncio.start_server(lambda r, w: None, '127.0.0.1', 0)\n"
        "    port = srv.sockets[0].getsockname()[1]\n"
        "    r, w = await asyncio.open_connection('127.0.0.1', port)\n"
        "    ready()\n"
        "    await r.read(10)\n"
        "asyncio.run(main())"
    ),
}


def run_one(espy, body):
    listener = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    listener.bind(("127.0.0.1", 0))
    listener.settimeout(10)
    script = PRELUDE % listener.getsockname()[1] + "try:\n" + "".join("    " + line + "\n" for line in body.split("\n"))
    script += "except KeyboardInterrupt:\n    print('interrupted')\n"
    proc = subprocess.Popen([espy, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        try:
            listener.recv(100)
        except socket.timeout:
            proc.kill()
            out, err = proc.communicate()
            return "did not start waiting: %r %r" % (out, err[-300:])
        finally:
            listener.close()
        time.sleep(0.3)  # let it settle into the wait
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return "still waiting 5 s after SIGINT"
    if out.strip() != b"interrupted" or proc.returncode != 0:
        return "exit %d, stdout %r, stderr %r" % (proc.returncode, out, err[-300:])
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--espy", default="build/espy")
    args = parser.parse_args()
    espy = os.path.abspath(args.espy)
    passed = failed = 0
    for name, body in SCENARIOS.items():
        problem = run_one(espy, body)
        if problem is None:
            passed += 1
        else:
            failed += 1
            print("FAIL %s: %s" % (name, problem))
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
