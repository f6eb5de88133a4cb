# exceptions inside generators, propagating into the caller
def g():
    yield 1
    raise ValueError("inside")
it = g()
print(next(it))
try:
    next(it)
except ValueError as e:
    print("caught", e.args)
try:
    next(it)
except StopIteration:
    print("exhausted after error")
def stop_inside():
    yield 1
    raise StopIteration
try:
    print(list(stop_inside()))
except RuntimeError:
    print("RuntimeError from StopIteration")
