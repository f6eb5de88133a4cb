# SyntaxError carries the file name and line number
src = "a = 1\nb = 2\nc = = 3\nd = 4\n"
try:
    compile(src, "fname.py", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.filename, e.lineno)
src = "def f():\n    x = 1\n    return )\n"
try:
    compile(src, "other.py", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.filename, e.lineno)
