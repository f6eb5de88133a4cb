# return value of a generator becomes StopIteration.value
def g():
    yield 1
    return "result"
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value", e.value, e.args)
def h():
    return 5
    yield
try:
    next(h())
except StopIteration as e:
    print(e.value)
def n():
    yield
try:
    x = n(); next(x); next(x)
except StopIteration as e:
    print(e.value)
