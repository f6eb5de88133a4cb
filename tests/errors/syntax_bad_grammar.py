# grammatically wrong statements raise SyntaxError
sources = [
    "if True print(1)",
    "def f(:\n    pass",
    "x = = 1",
    "1 +",
    "(1, 2",
    "[1, 2)",
    "for in range(3): pass",
    "while: pass",
    "class: pass",
    "import",
    "from x import",
    "lambda x: return x",
    "def f() -> : pass",
    "x = 1 if 2",
    "print(1 2)",
    "a b",
    "else: pass",
    "try:\n    pass\n",
    "try:\n    pass\nx = 1",
    "with: pass",
    "del",
    "x = {1: }",
    "f(**)",
    "@\ndef f(): pass",
]
for src in sources:
    try:
        exec(src)
        print("no error", repr(src))
    except SyntaxError:
        print("SyntaxError")
