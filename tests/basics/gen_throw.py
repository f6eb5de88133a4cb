# generator throw()
def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e.args)
        yield "recovered"
    yield "end"
it = g()
print(next(it))
print(it.throw(ValueError("bad")))
print(next(it))
def h():
    yield 1
it = h()
next(it)
try:
    it.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e.args)
it = h()
try:
    it.throw(TypeError)
except TypeError:
    print("throw into unstarted")
