// webrepl.js: espy's WebREPL client: a small terminal, the password login, file send/get and the version request.
"use strict";

// The protocol is the board's (docs/webrepl-page.md): REPL text in text frames, the file
// protocol in binary frames ("WA" requests of 82 bytes, "WB" replies with a status).
const espy = (() => {
  const $ = (id) => document.getElementById(id);
  const OP_PUT = 1, OP_GET = 2, OP_VERSION = 3;
  const CHUNK = 1024;          // bytes per binary frame, as the official clients send
  const TEXT_CHUNK = 512;      // characters per text frame: the board takes 16-bit frame lengths
  const MAX_LINES = 2000;      // terminal scrollback
  const TRANSFER_TIMEOUT_MS = 10000;
  const KEYS = {
    Enter: "\r", Backspace: "\x7f", Tab: "\t", Escape: "\x1b", Delete: "\x1b[3~",
    ArrowUp: "\x1b[A", ArrowDown: "\x1b[B", ArrowRight: "\x1b[C", ArrowLeft: "\x1b[D",
    Home: "\x1b[H", End: "\x1b[F",
  };

  // ---- the terminal: lines of text, a cursor, the few escape sequences the REPL sends ----

  const term = { lines: [""], row: 0, col: 0, escape: null, pending: false };
  const termEl = $("terminal");

  function putChar(ch) {
    let line = term.lines[term.row];
    if (line.length < term.col) line += " ".repeat(term.col - line.length);
    term.lines[term.row] = line.slice(0, term.col) + ch + line.slice(term.col + 1);
    term.col++;
  }

  function newLine() {
    term.row++;
    if (term.row === term.lines.length) term.lines.push("");
    if (term.lines.length > MAX_LINES) {
      term.lines.shift();
      term.row--;
    }
  }

  // ESC [ params final: cursor moves and erasing; colours and the rest are dropped.
  function csi(params, final) {
    const n = Math.max(parseInt(params, 10) || 1, 1);
    const line = term.lines[term.row];
    if (final === "D") term.col = Math.max(term.col - n, 0);
    else if (final === "C") term.col += n;
    else if (final === "A") term.row = Math.max(term.row - n, 0);
    else if (final === "B") term.row = Math.min(term.row + n, term.lines.length - 1);
    else if (final === "K") {
      const mode = parseInt(params, 10) || 0;
      if (mode === 0) term.lines[term.row] = line.slice(0, term.col);
      else if (mode === 1) term.lines[term.row] = " ".repeat(term.col) + line.slice(term.col);
      else term.lines[term.row] = "";
    }
  }

  function termWrite(text) {
    for (const ch of text) {
      if (term.escape !== null) {
        if (term.escape === "" && ch !== "[") term.escape = null;      // ESC x: ignored
        else if (term.escape === "") term.escape = "[";
        else if (ch >= "@" && ch <= "~") { csi(term.escape.slice(1), ch); term.escape = null; }
        else if (term.escape.length > 16) term.escape = null;
        else term.escape += ch;
      } else if (ch === "\x1b") term.escape = "";
      else if (ch === "\r") term.col = 0;
      else if (ch === "\n") newLine();
      else if (ch === "\b") term.col = Math.max(term.col - 1, 0);
      else if (ch === "\t") do putChar(" "); while (term.col % 8 !== 0);
      else if (ch >= " " && ch !== "\x7f") putChar(ch);
    }
    if (!term.pending) {
      term.pending = true;
      requestAnimationFrame(render);
    }
  }

  function render() {
    term.pending = false;
    const atBottom = termEl.scrollTop + termEl.clientHeight >= termEl.scrollHeight - 4;
    const before = term.lines.slice(0, term.row);
    let line = term.lines[term.row];
    if (line.length <= term.col) line += " ".repeat(term.col - line.length + 1);
    const cursor = document.createElement("span");
    cursor.className = "cursor";
    cursor.textContent = line[term.col];
    termEl.replaceChildren(
      (before.length ? before.join("\n") + "\n" : "") + line.slice(0, term.col), cursor,
      line.slice(term.col + 1) + term.lines.slice(term.row + 1).map((l) => "\n" + l).join(""));
    if (atBottom) termEl.scrollTop = termEl.scrollHeight;
  }

  function terminalText() {
    return term.lines.join("\n");
  }

  // ---- status line ----

  function setStatus(kind, text) {
    const el = $("status");
    el.className = "status " + kind;
    el.textContent = text;
  }

  function showTransfer(text, failed) {
    const el = $("transfer");
    el.className = failed ? "transfer error" : "transfer";
    el.textContent = text;
  }

  // ---- the connection ----

  let ws = null;
  let session = null;   // {loggedIn, refused, tail}: what the board said so far
  let transfer = null;  // the file request in progress (one at a time, as the protocol allows)

  function defaultAddress() {
    if (location.hash.startsWith("#ws")) return location.hash.slice(1);
    const port = window.espyConfig && espyConfig.boardPort;
    if (port) return "ws://" + (location.hostname || "127.0.0.1") + ":" + port + "/";
    return "ws://192.168.4.1:8266/";  // the board's own access point
  }

  function updateButtons() {
    const open = ws !== null;
    $("connect").textContent = open ? "Disconnect" : "Connect";
    $("address").disabled = open;
    const ready = open && session.loggedIn && transfer === null;
    $("put").disabled = !ready || $("file").files.length === 0;
    $("get").disabled = !ready;
  }

  function connect(url) {
    if (ws !== null) return;
    url = url || $("address").value.trim();
    let socket;
    try {
      socket = new WebSocket(url);
    } catch (e) {
      setStatus("error", "Bad address " + url + ": " + e.message);
      return;
    }
    ws = socket;
    session = { loggedIn: false, refused: null, tail: "", url: url, opened: false, closing: false };
    socket.binaryType = "arraybuffer";
    socket.onopen = () => {
      session.opened = true;
      setStatus("busy", "Connected to " + url + ". Type the WebREPL password in the terminal and press Enter.");
      termEl.focus();
    };
    socket.onmessage = (event) => {
      if (typeof event.data === "string") onText(event.data);
      else onBinary(new Uint8Array(event.data));
    };
    socket.onclose = (event) => onClosed(socket, event);
    setStatus("busy", "Connecting to " + url + " ...");
    updateButtons();
  }

  function disconnect() {
    if (ws === null) return;
    session.closing = true;
    ws.close();
  }

  function onClosed(socket, event) {
    if (socket !== ws) return;
    const s = session;
    ws = null;
    failTransfer("connection closed");
    if (s.refused) setStatus("error", s.refused + " Connection closed.");
    else if (s.closing) setStatus("idle", "Disconnected.");
    else if (!s.opened) setStatus("error", "Cannot connect to " + s.url + ": is the board running, and WebREPL started on it (import webrepl_setup)?");
    else setStatus("error", "Connection closed by the board" + (event.code > 1006 ? " (code " + event.code + ")" : "") +
                   ". A soft reset (Ctrl-D) or webrepl.stop() ends the session; connect again when WebREPL is back.");
    termWrite("\r\n[disconnected]\r\n");
    updateButtons();
  }

  // Before login only the board's own messages arrive; they tell how the login went.
  function onText(text) {
    termWrite(text);
    if (session.loggedIn) return;
    session.tail = (session.tail + text).slice(-200);
    if (session.tail.includes("WebREPL connected")) {
      session.loggedIn = true;
      setStatus("ok", "Logged in to " + session.url + ".");
      updateButtons();
      requestVersion();
    } else if (session.tail.includes("Access denied")) {
      session.refused = "Wrong password: the board refused the login.";
      setStatus("error", session.refused);
    } else if (session.tail.includes("Concurrent WebREPL connection rejected")) {
      session.refused = "Another WebREPL session is connected to the board; it refused this one.";
      setStatus("error", session.refused);
    }
  }

  function send(data) {
    if (ws === null || ws.readyState !== WebSocket.OPEN) return false;
    ws.send(data);
    return true;
  }

  // Typed or pasted text for the REPL; newlines become the Enter key, as on a terminal.
  function sendText(text) {
    text = text.replace(/\r\n|\n/g, "\r");
    for (let i = 0; i < text.length; i += TEXT_CHUNK) {
      if (!send(text.slice(i, i + TEXT_CHUNK))) return false;
    }
    return true;
  }

  // ---- keyboard and clipboard ----

  termEl.addEventListener("keydown", (e) => {
    if (e.isComposing || e.metaKey) return;
    let data = null;
    if (e.ctrlKey && !e.altKey && e.key.length === 1) {
      const k = e.key.toLowerCase();
      if (e.shiftKey && (k === "c" || k === "v")) return;               // copy/paste shortcuts
      if (k === "v") return;                                             // the paste event sends it
      if (k === "c" && window.getSelection().toString() !== "") return;  // copy a selection
      if (k >= "a" && k <= "z") data = String.fromCharCode(k.charCodeAt(0) - 96);
    } else if (KEYS[e.key] !== undefined && !e.altKey) {
      data = KEYS[e.key];
    } else if (e.key.length === 1 && !e.ctrlKey) {
      data = e.key;
    }
    if (data !== null) {
      e.preventDefault();
      sendText(data);
    }
  });

  termEl.addEventListener("paste", (e) => {
    e.preventDefault();
    sendText(e.clipboardData.getData("text"));
  });
  termEl.addEventListener("focus", () => termEl.classList.add("focused"));
  termEl.addEventListener("blur", () => termEl.classList.remove("focused"));

  // ---- the file protocol ----

  function request(op, name, size) {
    const rec = new Uint8Array(82);
    const view = new DataView(rec.buffer);
    const nameBytes = new TextEncoder().encode(name);
    if (nameBytes.length > 63) throw new Error("the name is longer than 63 bytes");
    rec[0] = 0x57; rec[1] = 0x41;  // "WA"
    rec[2] = op;
    view.setUint32(12, size, true);
    view.setUint16(16, nameBytes.length, true);
    rec.set(nameBytes, 18);
    return rec;
  }

  function replyStatus(data) {
    if (data.length !== 4 || data[0] !== 0x57 || data[1] !== 0x42) return -1;  // not "WB"
    return data[2] | (data[3] << 8);
  }

  function startTransfer(kind, name, frames, extra) {
    return new Promise((resolve, reject) => {
      if (ws === null || !session.loggedIn) return reject(new Error("not logged in"));
      if (transfer !== null) return reject(new Error("another transfer is running"));
      transfer = Object.assign({ kind, name, step: "start", resolve, reject, timer: null }, extra);
      touchTransfer();
      updateButtons();
      for (const frame of frames) send(frame);
    });
  }

  function touchTransfer() {
    clearTimeout(transfer.timer);
    transfer.timer = setTimeout(() => failTransfer("no answer from the board"), TRANSFER_TIMEOUT_MS);
  }

  function endTransfer(result) {
    const t = transfer;
    clearTimeout(t.timer);
    transfer = null;
    updateButtons();
    t.resolve(result);
  }

  function failTransfer(why) {
    if (transfer === null) return;
    const t = transfer;
    clearTimeout(t.timer);
    transfer = null;
    updateButtons();
    if (t.kind !== "version") showTransfer("Failed " + (t.kind === "put" ? "sending " : "getting ") + t.name + ": " + why, true);
    t.reject(new Error(why));
  }

  function putFile(name, bytes) {
    bytes = new Uint8Array(bytes);
    showTransfer("Sending " + name + " (" + bytes.length + " bytes) ...");
    return startTransfer("put", name, [request(OP_PUT, name, bytes.length)], { bytes });
  }

  function getFile(name) {
    showTransfer("Getting " + name + " ...");
    return startTransfer("get", name, [request(OP_GET, name, 0)], { chunks: [], size: 0 });
  }

  function requestVersion() {
    return startTransfer("version", "", [request(OP_VERSION, "", 0)], {}).catch(() => null);
  }

  function onBinary(data) {
    const t = transfer;
    if (t === null) return;  // nothing asked for it
    touchTransfer();
    const status = replyStatus(data);
    if (t.kind === "version") {
      if (data.length !== 3) return failTransfer("bad version reply");
      const version = data.join(".");
      $("version").textContent = "Board software: MicroPython " + version + " (espy)";
      return endTransfer(version);
    }
    if (t.step === "start" || t.step === "end") {
      if (status !== 0) return failTransfer(status < 0 ? "unexpected reply" : "the board answered with error " + status);
      if (t.step === "end") return finish(t);
      if (t.kind === "put") {
        for (let i = 0; i < t.bytes.length; i += CHUNK) send(t.bytes.subarray(i, i + CHUNK));
        t.step = "end";
      } else {
        t.step = "data";
        send(new Uint8Array([0]));
      }
      return;
    }
    // GET data: u16 length, then that many bytes; length 0 is the end of the file.
    const len = data.length >= 2 ? data[0] | (data[1] << 8) : -1;
    if (len < 0 || data.length !== 2 + len) return failTransfer("bad data chunk");
    if (len === 0) {
      t.step = "end";
      return;
    }
    t.chunks.push(data.slice(2));
    t.size += len;
    showTransfer("Getting " + t.name + ": " + t.size + " bytes ...");
    send(new Uint8Array([0]));
  }

  function finish(t) {
    if (t.kind === "put") {
      showTransfer("Sent " + t.name + " (" + t.bytes.length + " bytes).");
      return endTransfer(t.bytes.length);
    }
    const bytes = new Uint8Array(t.size);
    let at = 0;
    for (const c of t.chunks) { bytes.set(c, at); at += c.length; }
    api.lastDownload = { name: t.name, bytes };
    saveAs(t.name, bytes);
    showTransfer("Got " + t.name + " (" + bytes.length + " bytes).");
    return endTransfer(bytes);
  }

  function saveAs(name, bytes) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([bytes], { type: "application/octet-stream" }));
    link.download = name.split("/").pop() || "download";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  // ---- the controls ----

  $("address").value = defaultAddress();
  $("connect-form").addEventListener("submit", (e) => {
    e.preventDefault();
    if (ws === null) connect();
    else disconnect();
  });
  $("file").addEventListener("change", () => {
    const file = $("file").files[0];
    if (file) $("put-name").value = file.name;
    updateButtons();
  });
  $("put").addEventListener("click", async () => {
    const file = $("file").files[0];
    const name = $("put-name").value.trim() || (file && file.name);
    if (!file || !name) return;
    try {
      await putFile(name, await file.arrayBuffer());
    } catch (e) {
      showTransfer("Failed sending " + name + ": " + e.message, true);
    }
  });
  $("get").addEventListener("click", async () => {
    const name = $("get-name").value.trim();
    if (!name) return showTransfer("Type the name of a file on the board first.", true);
    try {
      await getFile(name);
    } catch (e) {
      showTransfer("Failed getting " + name + ": " + e.message, true);
    }
  });
  termEl.addEventListener("mousedown", () => setTimeout(() => {
    if (window.getSelection().toString() === "") termEl.focus();
  }, 0));

  const api = { connect, disconnect, send: sendText, putFile, getFile, requestVersion, terminalText, lastDownload: null };
  render();
  updateButtons();
  return api;
})();
