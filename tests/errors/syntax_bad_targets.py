# invalid assignment, deletion and augmented targets
sources = [
    "1 = x",
    "f() = 1",
    "x + 1 = 2",
    "'s' = 1",
    "None = 1",
    "(a, 1) = 1, 2",
    "[a, b()] = 1, 2",
    "x() += 1",
    "(a, b) += 1",
    "del 5",
    "del f()",
    "for 1 in []: pass",
    "with x as 1: pass",
    "a, *b, *c = range(5)",
    "*a = [1]",
    "lambda: 1 = 2",
    "x if y else z = 1",
    "(yield) = 1",
    "[x for x in y] = 1",
    "f(x=1, x=2)",
    "def f(a, a): pass",
    "def f(a=1, b): pass",
    "f(x=1, 2)",
    "f(**k, *a)",
    "True = 0",
]
for src in sources:
    try:
        exec(src, {})
        print("no error", repr(src))
    except SyntaxError:
        print("SyntaxError")
