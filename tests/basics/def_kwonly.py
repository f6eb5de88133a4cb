# keyword-only arguments
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(1, c=5, b=4))
try:
    f(1, 2)
except TypeError:
    print("TypeError positional")
try:
    f(1)
except TypeError:
    print("TypeError missing kwonly")
def g(*args, key=None, **rest):
    return args, key, rest
print(g(1, 2, key="k", z=1))
