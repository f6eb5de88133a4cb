# absurdly nested source raises an exception (or works) instead of crashing
def attempt(src, must_work):
    try:
        exec(src, {})
        result = "ok"
    except (SyntaxError, RuntimeError, MemoryError):
        result = "error"
    print(result if must_work else "handled")
attempt("x = " + "(" * 2000 + "1" + ")" * 2000, False)
attempt("x = " + "[" * 2000 + "]" * 2000, False)
attempt("x = " + "{" * 3000 + "}" * 3000, False)
attempt("x = " + "-" * 50 + "1", True)
attempt("x = " + "(" * 20 + "1" + ")" * 20, True)
src = ""
for depth in range(30):
    src += "    " * depth + "if True:\n"
src += "    " * 30 + "y = 1\n"
attempt(src, True)
src = ""
for depth in range(500):
    src += " " * depth + "if True:\n"
src += " " * 500 + "y = 1\n"
attempt(src, False)
attempt("x = " + "+".join(["1"] * 1000), True)
attempt("x = " + "lambda: " * 300 + "1", False)
attempt("x = " + "not " * 5000 + "1", False)
