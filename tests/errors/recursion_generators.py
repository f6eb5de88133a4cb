# recursion through generators and nested data
def gen(n):
    yield from gen(n + 1)
try:
    next(gen(0))
except RuntimeError:
    print("RuntimeError generator")
l = []
for i in range(5000):
    l = [l]
try:
    s = str(l)
    print("no error")
except RuntimeError:
    print("RuntimeError repr")
def nest():
    d = {}
    for i in range(5000):
        d = {"k": d}
    return d
d1, d2 = nest(), nest()
try:
    d1 == d2
    print("no error")
except RuntimeError:
    print("RuntimeError compare")
print("still running")
