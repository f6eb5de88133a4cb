# calling with keywords in any order
def f(a, b, c):
    return a * 100 + b * 10 + c
print(f(1, 2, 3), f(c=3, a=1, b=2), f(1, c=3, b=2))
for bad in ("dup", "unknown", "missing", "extra"):
    try:
        if bad == "dup":
            f(1, 2, 3, a=1)
        elif bad == "unknown":
            f(1, 2, 3, z=1)
        elif bad == "missing":
            f(1, 2)
        else:
            f(1, 2, 3, 4)
    except TypeError:
        print(bad, "TypeError")
