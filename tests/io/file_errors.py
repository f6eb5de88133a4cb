# open() errors, x mode, closed files
P = "/tmp/espy_test_file_errors.txt"
try:
    open("/tmp/espy_no_such_dir/none.txt")
except OSError as e:
    print(type(e).__name__, isinstance(e, OSError), e.errno, e.args[0])
try:
    open("/tmp/espy_no_such_dir/none.txt", "rb")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
for mode in ("rw", "rr", "z", "", "bt", "r+b+", 5):
    try:
        open(P, mode)
    except (ValueError, TypeError) as e:
        print(mode, type(e).__name__)
for path in (None, 1.5, [1]):
    try:
        open(path)
    except TypeError:
        print("TypeError", type(path).__name__)
try:
    open("/tmp")
except OSError as e:
    print("directory", e.errno)
with open(P, "w") as f:
    f.write("x")
    print(f.seek(0, 2))
    try:
        f.seek(1, 1)
    except OSError:
        print("OSError text seek")
try:
    open(P, "x")
except FileExistsError as e:
    print("FileExistsError", e.errno, isinstance(e, OSError))
try:
    open(P, "xb")
except OSError as e:
    print(type(e).__name__, e.errno)
f = open(P)
f.close()
for name in ("read", "readline", "readlines", "tell", "flush"):
    try:
        getattr(f, name)()
    except ValueError as e:
        print(name, e)
try:
    f.write("a")
except ValueError as e:
    print("write", e)
try:
    f.seek(0)
except ValueError as e:
    print("seek", e)
try:
    for line in f:
        pass
except ValueError as e:
    print("iter", e)
try:
    with f:
        pass
except ValueError as e:
    print("with", e)
f = open(P, "w")
try:
    f.write(b"bytes")
except TypeError:
    print("TypeError text write bytes")
f.close()
f = open(P, "wb")
try:
    f.write("str")
except TypeError:
    print("TypeError binary write str")
f.close()
try:
    import os
    os.remove(P)
except ImportError:
    pass
