# default repr/str of classes and instances have a recognisable shape
class C:
    pass
r = repr(C())
print(r.startswith("<"), "C object" in r, r.endswith(">"))
print(str(C).startswith("<class '"), "C" in str(C))
print(repr(int), repr(str), repr(type(None)))
