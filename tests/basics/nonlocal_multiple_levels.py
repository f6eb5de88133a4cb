# nonlocal binds to the nearest enclosing function scope
def a():
    x = "a"
    def b():
        x = "b"
        def c():
            nonlocal x
            x = "c changed b"
        c()
        return x
    r = b()
    return x, r
print(a())
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
    def get():
        return n
    return inc, get
i, g = counter()
for _ in range(4):
    i()
print(g())
