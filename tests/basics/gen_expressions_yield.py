# yield as an expression in various positions
def g():
    x = yield 1
    y = (yield x) + 10
    z = [(yield y), (yield "second")]
    yield z
it = g()
print(next(it))
print(it.send("a"))
print(it.send(5))
print(it.send("p"))
print(it.send("q"))
def h():
    total = 0
    while True:
        total += (yield total) or 0
it = h()
next(it)
print(it.send(3), it.send(4), next(it))
