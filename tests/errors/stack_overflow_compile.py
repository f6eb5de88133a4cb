# compiling deeply nested functions and classes does not crash
src = ""
for i in range(40):
    src += "    " * i + "def f%d():\n" % i
src += "    " * 40 + "return 1\n"
try:
    exec(src, {})
    print("compiled")
except (SyntaxError, RuntimeError, MemoryError):
    print("refused")
src = "x = " + "[" * 80 + "]" * 80
ns = {}
exec(src, ns)
depth = 0
v = ns["x"]
while v:
    v = v[0]
    depth += 1
print(depth)
