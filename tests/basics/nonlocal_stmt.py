# nonlocal declarations
def outer():
    x = 0
    def inc():
        nonlocal x
        x += 1
        return x
    inc(); inc()
    return x, inc
v, f = outer()
print(v, f(), f())
def a():
    n = "a"
    def b():
        def c():
            nonlocal n
            n = "c"
        c()
    b()
    return n
print(a())
