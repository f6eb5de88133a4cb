cases = [
    "return 1",
    "x = 1\nbreak",
    "continue",
    "def f():\n    x = 1\n    global x",
    "def f():\n    print(x)\n    global x",
    "def f():\n    nonlocal y",
    "nonlocal z",
    "yield 1",
    "def f():\n    [(yield) for x in y]",
    "def f():\n    x = {(yield): 1 for x in y}",
    "class C:\n    yield 2",
    "await x",
    "def f():\n    await x",
    "async def f():\n    yield from x",
    "def f(a):\n    global a",
    "a, *b, *c = x",
    "def f():\n    from os import *",
    "*a = 1",
    "print(*)",
]
for src in cases:
    try:
        compile(src, "<test>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, e.args[0])
