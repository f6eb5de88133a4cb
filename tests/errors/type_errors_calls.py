# calling things wrongly
def f(a, b=1):
    pass
class C:
    def m(self):
        pass
cases = [
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, c=2),
    lambda: f(1, a=2),
    lambda: f(*5),
    lambda: f(**5),
    lambda: f(**{1: 2}),
    lambda: C().m(1),
    lambda: C.m(),
    lambda: C(1),
    lambda: 5(),
    lambda: "str"(),
    lambda: [](),
    lambda: (lambda: 0)(1),
    lambda: (lambda *, k: 0)(),
    lambda: print(sep=5),
    lambda: int.__add__(1),
]
for c in cases:
    try:
        c()
        print("no error")
    except TypeError:
        print("TypeError")
