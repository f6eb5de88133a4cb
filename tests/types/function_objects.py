# functions, bound methods and their identity
class C:
    def m(self, x):
        return (self.tag, x)
    tag = "c"
c = C()
bm = c.m
print(bm(1), C.m(c, 2))
print(bm.__self__ is c)
print(type(bm).__name__, type(C.m).__name__)
def outer():
    return 1
ops = [outer, len, c.m, lambda: 0]
print([callable(o) for o in ops])
print(len.__name__ if hasattr(len, "__name__") else "len")
