# lambdas inside comprehensions, defaults and class bodies
fs = [(lambda x, i=i: x + i) for i in range(3)]
print([f(10) for f in fs])
class C:
    k = 5
    f = staticmethod(lambda x: x * 2)
print(C.f(4))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
print((lambda *a: sum(a))(1, 2, 3), (lambda **k: sorted(k))(b=1, a=2))
