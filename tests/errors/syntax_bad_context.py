# statements used where they are not allowed
sources = [
    "break",
    "continue",
    "return 1",
    "yield 1",
    "def f():\n    class C:\n        break",
    "while True:\n    def f():\n        break",
    "nonlocal x",
    "def f():\n    nonlocal x",
    "def f():\n    x = 1\n    global x",
    "def f():\n    await g()",
    "async def f():\n    yield from g()",
    "class C:\n    return 1",
    "x = [(yield) for i in range(2)]",
    "def f(x):\n    global x",
    "for x in y:\n    pass\nelse:\n    continue",
]
for src in sources:
    try:
        compile(src, "<test>", "exec")
        print("no error", repr(src))
    except SyntaxError:
        print("SyntaxError")
