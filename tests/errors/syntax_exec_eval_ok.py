# compile/exec/eval on good source keep working after errors
for i in range(3):
    try:
        exec("x = (")
    except SyntaxError:
        print("bad", i)
    ns = {}
    exec("y = %d * 2" % i, ns)
    print(ns["y"], eval("1 + %d" % i))
code = compile("z = 40 + 2", "<s>", "exec")
g = {}
exec(code, g)
print(g["z"])
print(eval(compile("3 * 3", "<e>", "eval")))
try:
    eval("x = 1")
except SyntaxError:
    print("SyntaxError eval statement")
