# Statements are compiled as they are parsed, yet a syntax error later in the source still
# wins over a compile-time error earlier in it, as CPython parses everything first.
sources = [
    "x = 1\nreturn 2\ny = 3\n",
    "def f():\n    nonlocal q\nz = 1 +* 2\n",
    "class C:\n    def g(self):\n        nonlocal w\nv = (1 2)\n",
    "a = 1\nb = 2\nc = ]\n",
    "ok = 1\n",
]
for src in sources:
    try:
        compile(src, "src", "exec")
        print("compiled")
    except SyntaxError as e:
        print(type(e).__name__, e.lineno)
