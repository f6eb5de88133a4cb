# strange characters in source: an exception or success, never a crash
for src in ("x = 1\x00", "\x01 = 2", "x = '\x00'", "\ufeffx = 3", "x = '\udcff'", "\x7f"):
    try:
        exec(src, {})
    except Exception:
        pass
    print("handled")
for src in ("x = 1\r\ny = 2\r\n", "x = 1\ry = 2"):
    ns = {}
    exec(src, ns)
    print(ns["x"], ns["y"])
