# class vs instance attributes, getattr/setattr/hasattr/delattr
class C:
    shared = []
    def __init__(self):
        self.own = []
a, b = C(), C()
a.shared.append(1)
a.own.append(2)
print(b.shared, b.own)
print(getattr(a, "own"), getattr(a, "missing", "dflt"))
setattr(a, "new", 5)
print(a.new, hasattr(a, "new"), hasattr(b, "new"))
delattr(a, "new")
print(hasattr(a, "new"))
try:
    a.nothing
except AttributeError:
    print("AttributeError")
C.added = "later"
print(b.added)
