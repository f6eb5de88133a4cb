#!/usr/bin/env python3
"""repl_check.py: drive build/espy's interactive prompt through a pseudo-terminal.

Each case types keys at the prompt and expects text to appear in what the terminal shows.
Run by `make test` (with python3, not espy); prints `N passed, M failed`.
Usage: tests/_drivers/repl_check.py [--espy PATH]
"""
import argparse
import os
import pty
import select
import signal
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Terminal:
    def __init__(self, argv):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execv(argv[0], argv)
        self.seen = b""

    def read_until(self, text, timeout=10.0):
        """Reads output until `text` appears after what was matched before; returns the new output."""
        want = text.encode()
        end = time.time() + timeout
        while want not in self.seen:
            left = end - time.time()
            if left <= 0:
                raise TimeoutError("waited for %r; terminal showed %r" % (text, self.seen[-300:]))
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise EOFError("espy exited; terminal showed %r" % self.seen[-300:])
                self.seen += chunk
        index = self.seen.index(want) + len(want)
        shown, self.seen = self.seen[:index], self.seen[index:]
        return shown.decode(errors="replace")

    def type(self, keys):
        os.write(self.fd, keys.encode())

    def enter(self, line, prompt=">>> "):
        """Types a line and Enter; returns what it printed before the next prompt.
        The editor redraws the prompt on every key, so skip the echo up to its newline first."""
        self.type(line + "\r")
        self.read_until("\r\n")
        return self.read_until(prompt)

    def wait_exit(self, timeout=10.0):
        end = time.time() + timeout
        while time.time() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            try:
                os.read(self.fd, 4096)
            except OSError:
                pass
            time.sleep(0.05)
        os.kill(self.pid, signal.SIGKILL)
        raise TimeoutError("espy did not exit")

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.fd)


def case_expression(t):
    t.read_until(">>> ")
    shown = t.enter("6 * 7")
    assert "42" in shown, shown


def case_block_with_auto_indent(t):
    t.read_until(">>> ")
    t.enter("for i in range(3):", "... ")
    # The continuation line arrives pre-indented: type the body without leading spaces.
    t.enter("print(i * 10)", "... ")
    shown = t.enter("")
    assert "0\r\n10\r\n20" in shown, shown


def case_comments_are_read_as_python(t):
    # The host reads input as Python does: the colon before a comment still opens a block,
    # a quote in a comment opens no string, a bracket in a comment does not count.
    t.read_until(">>> ")
    statements = [
        (["if True:  # it's a block", "print('in')", ""], "in\r\n"),
        (["x = [1,  # ]", "2]"], ""),
        (["x"], "[1, 2]"),
    ]
    for lines, expected in statements:
        for line in lines[:-1]:
            t.enter(line, "... ")
        shown = t.enter(lines[-1])
        assert expected in shown, (lines, shown)


def case_history_and_editing(t):
    t.read_until(">>> ")
    t.enter("x = 5")
    shown = t.enter("x + 1")
    assert "6" in shown, shown
    # Up arrow twice recalls `x = 5`; the end of the line gets a 0: `x = 50`.
    t.enter("\x1b[A\x1b[A0")
    shown = t.enter("print(x)")
    assert "50" in shown, shown


def case_traceback_keeps_running(t):
    t.read_until(">>> ")
    shown = t.enter("1 / 0")
    assert "ZeroDivisionError" in shown, shown
    shown = t.enter("'still' + ' here'")
    assert "'still here'" in shown, shown


def case_ctrl_c_interrupts_a_loop(t):
    t.read_until(">>> ")
    t.enter("n = 0", ">>> ")
    t.type("while True: n += 1\r")
    t.read_until("\r\n")
    time.sleep(0.3)
    t.type("\x03")
    shown = t.read_until(">>> ")
    assert "KeyboardInterrupt" in shown, shown
    shown = t.enter("print('after', n > 0)")
    assert "after True" in shown, shown


def case_ctrl_c_at_prompt(t):
    t.read_until(">>> ")
    t.type("abc\x03")
    t.read_until("\r\n")
    shown = t.read_until(">>> ")
    assert "KeyboardInterrupt" in shown, shown


def case_ctrl_d_exits(t):
    t.read_until(">>> ")
    t.type("\x04")
    assert t.wait_exit() == 0


def case_sys_exit_code(t):
    t.read_until(">>> ")
    t.type("import sys; sys.exit(3)\r")
    assert t.wait_exit() == 3


CASES = [value for name, value in sorted(globals().items()) if name.startswith("case_")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--espy", default=os.path.join(REPO, "build", "espy"))
    args = parser.parse_args()
    passed = failed = 0
    for case in CASES:
        t = Terminal([args.espy])
        try:
            case(t)
            passed += 1
        except (AssertionError, TimeoutError, EOFError) as e:
            failed += 1
            print("FAIL %s: %s" % (case.__name__, e))
        finally:
            t.close()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
