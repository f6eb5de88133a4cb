# a flat chain of 100,000 operators parses to a tree as deep as it is long: compiling it raises
# RecursionError as CPython does, instead of overflowing the C stack (found by tools/fuzz.py)
n = 100000
sources = ["x+" * n + "x", "f" + "()" * n, "lambda: x" + "<<x" * n]
for src in sources:
    for mode in ["eval", "exec"]:
        try:
            compile(src, "chain", mode)
            print(src[:8], mode, "compiled")
        except RecursionError:
            print(src[:8], mode, "RecursionError")
print(eval(compile("+".join(["1"] * 500), "short", "eval")))
