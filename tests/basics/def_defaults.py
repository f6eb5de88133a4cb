# default argument values are evaluated once
def f(a, b=2, c="c"):
    return a, b, c
print(f(1), f(1, 3), f(1, c=4), f(1, 2, 3))
def g(x, acc=[]):
    acc.append(x)
    return acc
print(g(1), g(2))
n = 5
def h(v=n):
    return v
n = 6
print(h())
