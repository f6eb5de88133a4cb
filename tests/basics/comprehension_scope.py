# comprehension variables do not leak; class scope is skipped
x = "outer"
l = [x for x in range(3)]
print(x, l)
g = (y for y in range(2))
try:
    y
except NameError:
    print("y not defined")
def f():
    z = 10
    return [z + i for i in range(3)]
print(f())
class C:
    n = 3
    items = [i for i in range(n)]
print(C.items)
def g2():
    fs = [lambda: i for i in range(3)]
    return [h() for h in fs]
print(g2())
