"""cdp.py: a small Chrome DevTools Protocol client that runs headless chromium over --remote-debugging-pipe.

    with Browser() as br:                 # chromium headless, throwaway profile
        page = br.new_page("http://127.0.0.1:8266/")
        page.wait_for("document.readyState === 'complete'")
        print(page.evaluate("document.title"))

Messages are JSON objects, each followed by a NUL byte: commands go to chromium's fd 3, replies
and events come from its fd 4. Commands for a page carry the sessionId of the attached target.
Events are kept in a list for wait_event(). Everything waits with a deadline; close() always
ends chromium and removes its profile.
"""
import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time

CHROMIUM = "/usr/bin/chromium"


class CDPError(Exception):
    pass


def high_fd(fd):
    """A close-on-exec copy of fd numbered 10 or more; fd itself is closed."""
    copy = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return copy


class Browser:
    def __init__(self, binary=CHROMIUM, timeout=20):
        if not os.path.exists(binary):
            raise CDPError("%s is missing (tools/install-deps installs chromium)" % binary)
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="espy-chromium-")
        self.downloads = os.path.join(self.profile, "downloads")
        os.mkdir(self.downloads)
        self.next_id = 0
        self.buffer = b""
        self.events = []
        self.proc = None
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        # Above fd 4, so that placing them at 3 and 4 in the child cannot overwrite one another.
        to_chrome_r, from_chrome_w = (high_fd(to_chrome_r), high_fd(from_chrome_w))
        args = [binary, "--headless", "--remote-debugging-pipe", "--user-data-dir=" + self.profile,
                "--no-first-run", "--no-default-browser-check", "--disable-gpu", "--disable-extensions",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-sync",
                "--disable-component-update", "--mute-audio", "about:blank"]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # chromium's sandbox refuses to run as root

        def child_fds():
            # chromium reads commands on fd 3 and writes replies on fd 4 (dup2 makes them inheritable).
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)
            os.setsid()  # its own process group, so close() ends every helper process

        try:
            self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=open(os.path.join(self.profile, "stderr.txt"), "wb"),
                                         preexec_fn=child_fds, close_fds=False)
        finally:
            os.close(to_chrome_r)
            os.close(from_chrome_w)
        try:
            self.call("Browser.getVersion")
        except Exception:
            self.close()
            raise

    # ---- messages ------------------------------------------------------------------------

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        data = json.dumps(msg).encode() + b"\0"
        while data:
            n = os.write(self.to_chrome, data)
            data = data[n:]
        return self.next_id

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.time()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.from_chrome], [], [], left)
            if not ready:
                return None
            chunk = os.read(self.from_chrome, 65536)
            if not chunk:
                raise CDPError("chromium exited (%s); see %s" % (self.proc.poll(), self.stderr_text()))
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, session=None, timeout=None):
        """Sends a command and returns its result; events arriving meanwhile are kept."""
        msg_id = self.send(method, params, session)
        deadline = time.time() + (timeout or self.timeout)
        while True:
            msg = self._read_message(deadline)
            if msg is None:
                raise CDPError("no reply to %s within %ss" % (method, timeout or self.timeout))
            if msg.get("id") == msg_id:
                if "error" in msg:
                    raise CDPError("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def wait_event(self, method, timeout=None, match=lambda params: True):
        """Returns the params of the first kept or new event `method` that matches."""
        deadline = time.time() + (timeout or self.timeout)
        while True:
            for i, msg in enumerate(self.events):
                if msg["method"] == method and match(msg.get("params", {})):
                    del self.events[i]
                    return msg.get("params", {})
            msg = self._read_message(deadline)
            if msg is None:
                raise CDPError("no %s event within %ss" % (method, timeout or self.timeout))
            if "method" in msg:
                self.events.append(msg)

    # ---- pages ---------------------------------------------------------------------------

    def new_page(self, url):
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        page.call("Page.enable")
        page.call("Runtime.enable")
        page.call("Page.navigate", {"url": url})
        return page

    def allow_downloads(self):
        """Downloads go to self.downloads without asking."""
        self.call("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": self.downloads,
                                                  "eventsEnabled": True})

    def stderr_text(self):
        try:
            with open(os.path.join(self.profile, "stderr.txt"), "rb") as f:
                return f.read().decode(errors="replace")[-2000:]
        except OSError:
            return ""

    def close(self):
        if self.proc is not None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait()
            self.proc = None
        for fd in (self.to_chrome, self.from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass
        self.to_chrome = self.from_chrome = -1
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Page:
    def __init__(self, browser, session):
        self.browser = browser
        self.session = session

    def call(self, method, params=None, timeout=None):
        return self.browser.call(method, params, self.session, timeout)

    def evaluate(self, expression, await_promise=False, timeout=None):
        """The value of a JavaScript expression (JSON-able values only)."""
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": await_promise}, timeout)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise CDPError("JavaScript error in %r: %s" % (expression, text))
        return result["result"].get("value")

    def wait_for(self, expression, timeout=10, what=None):
        """Polls a JavaScript expression until it is truthy; returns its value."""
        deadline = time.time() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.time() > deadline:
                raise CDPError("waited %ss for %s" % (timeout, what or expression))
            time.sleep(0.05)

    def type_text(self, text):
        """Types printable characters and Enter ("\\r") as key presses on the focused element."""
        for ch in text:
            if ch == "\r":
                self.press("Enter", 13)
            else:
                self.call("Input.dispatchKeyEvent", {"type": "keyDown", "key": ch, "text": ch})
                self.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": ch})

    def press(self, key, key_code, modifiers=0):
        """A special key (Enter, Backspace, ArrowUp, ...); modifiers: 2 = Ctrl."""
        params = {"key": key, "code": key, "windowsVirtualKeyCode": key_code, "modifiers": modifiers}
        self.call("Input.dispatchKeyEvent", dict(params, type="rawKeyDown"))
        self.call("Input.dispatchKeyEvent", dict(params, type="keyUp"))

    def set_file_input(self, selector, paths):
        """Chooses files for an <input type=file>, as the user would (fires its change event)."""
        root = self.call("DOM.getDocument")["root"]["nodeId"]
        node = self.call("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        if not node:
            raise CDPError("no element %s" % selector)
        self.call("DOM.setFileInputFiles", {"files": list(paths), "nodeId": node})
