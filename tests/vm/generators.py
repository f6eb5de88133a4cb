def gen(n):
    for i in range(n):
        x = yield i
        if x:
            print("got", x)
    return "done"
g = gen(3)
print(next(g), g.send("a"), next(g))
try:
    g.send(None)
except StopIteration as e:
    print("stop", e.value)
def sub():
    r = yield 1
    yield r
    return 99
def deleg():
    v = yield from sub()
    print("sub returned", v)
    yield v + 1
g = deleg()
print(next(g), g.send("hello"), next(g))
print(list(deleg()))
def catcher():
    while True:
        try:
            yield 1
        except ValueError as e:
            print("caught", e)
            yield 2
g = catcher()
next(g)
print(g.throw(ValueError("boom")))
print(next(g))
g.close()
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")
g = fin()
next(g)
g.close()
print(sum(x * x for x in range(10)))
print(list(zip(range(3), (c for c in "abc"))))
def gen_throw_deleg():
    try:
        yield from catcher()
    except KeyError:
        print("never")
g = gen_throw_deleg()
next(g)
print(g.throw(ValueError("inner")))
def stopiter():
    yield 1
    raise StopIteration
try:
    list(stopiter())
except RuntimeError as e:
    print("RuntimeError", e)
g = gen(2)
print(list(g), list(g))
def early():
    return 5
    yield
try:
    early().send(None)
except StopIteration as e:
    print("value", e.value)
def in_except():
    try:
        raise KeyError("inner")
    except KeyError:
        yield 1
        raise
g = in_except()
next(g)
try:
    raise
except RuntimeError:
    print("caller has no active exception")
try:
    next(g)
except KeyError as e:
    print("generator re-raised", e)
