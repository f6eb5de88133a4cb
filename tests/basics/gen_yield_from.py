# yield from delegates and returns the subgenerator's value
def inner():
    x = yield "i1"
    print("inner got", x)
    yield "i2"
    return "inner-done"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield from [10, 20]
    yield from range(2)
g = outer()
print(next(g))
print(g.send("hello"))
print(list(g))
def thrower():
    try:
        yield 1
    except KeyError:
        yield "inner handled"
def deleg():
    yield from thrower()
d = deleg()
next(d)
print(d.throw(KeyError))
