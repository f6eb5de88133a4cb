# generator send()
def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
g = acc()
print(g.send(None))
print(g.send(5))
print(g.send(10))
try:
    g.send(None)
except StopIteration:
    print("stopped")
g2 = acc()
try:
    g2.send(1)
except TypeError:
    print("TypeError on first non-None send")
