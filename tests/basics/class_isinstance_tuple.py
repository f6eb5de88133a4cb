# isinstance/issubclass with tuples and inheritance chains
class A: pass
class B(A): pass
class C: pass
objs = [A(), B(), C(), 1, "s"]
for o in objs:
    print(type(o).__name__, isinstance(o, A), isinstance(o, (B, C)), isinstance(o, (int, str)))
print(issubclass(B, (C, A)), issubclass(A, B), issubclass(B, B))
