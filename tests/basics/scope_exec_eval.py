# exec and eval with explicit namespaces
g = {"a": 2}
exec("b = a * 10", g)
print(g["b"])
l = {}
exec("c = a + 1", g, l)
print(l["c"], "c" in g)
print(eval("a + b", g), eval("x * 2", {}, {"x": 21}))
exec("def f(n):\n    return n + a\n", g)
print(g["f"](5))
src = "for i in range(3):\n    total = total + i\n"
ns = {"total": 0}
exec(src, ns)
print(ns["total"])
