# closures capture variables, not values
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c2())
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
def shared():
    x = 1
    def get():
        return x
    def set(v):
        nonlocal x
        x = v
    return get, set
g, s = shared()
s(42)
print(g())
