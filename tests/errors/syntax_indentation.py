# indentation errors
def check(src):
    try:
        exec(src)
        print("no error")
    except SyntaxError as e:
        print(type(e).__name__)
# unindent that matches no outer level
check("if True:\n        x = 1\n    y = 2\n")
check("def f():\n  if 1:\n      pass\n   return 1\n")
for src in ("if True:\nprint(1)\n", "  x = 1\n", "x = 1\n    y = 2\n", "def f():\n\n", "for i in []:\n# c\n"):
    try:
        exec(src)
        print("no error")
    except SyntaxError as e:
        print("SyntaxError", isinstance(e, SyntaxError))
