# evaluation order: function, then positional args, then keyword args, left to right
def t(x):
    print("eval", x.__name__ if callable(x) else x)
    return x
def f(*a, **k):
    return a, sorted(k)
print(t(f)(t(1), t(2), k1=t(3), *[t(4)], k2=t(5)))
d = {t("k1"): t("v1"), t("k2"): t("v2")}
print(d)
l = [t(1), t(2)][t(0)]
print(l)
print(t(1) + t(2) * t(3))
