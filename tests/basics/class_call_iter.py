# __call__, __iter__ via generator, __setitem__, __delitem__
class Store:
    def __init__(self):
        self.d = {}
    def __call__(self, *a):
        return "called with %r" % (a,)
    def __setitem__(self, k, v):
        self.d[k] = v
    def __getitem__(self, k):
        return self.d[k]
    def __delitem__(self, k):
        del self.d[k]
    def __iter__(self):
        yield from sorted(self.d)
s = Store()
print(s(1, 2))
s["b"] = 2
s["a"] = 1
print(s["a"], list(s))
del s["a"]
print(list(s))
print(callable(s))
