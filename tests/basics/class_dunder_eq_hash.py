# __eq__ without __hash__ makes instances unhashable
class E:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, E) and self.v == o.v
print(E(1) == E(1), E(1) == E(2), E(1) != E(2))
try:
    hash(E(1))
except TypeError:
    print("TypeError unhashable")
class P:
    pass
p = P()
print(p == p, p == P(), {p: 1}[p])
