# generator state and locals survive between next() calls
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
def running():
    g = yield
    yield g
r = running()
next(r)
print(r.send("value"))
def self_ref():
    yield me
me = self_ref()
print(next(me) is me)
