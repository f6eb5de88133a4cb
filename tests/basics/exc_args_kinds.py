# exception args of several kinds
for args in ((), (1,), ("a", 2), ([1],), (None,)):
    e = Exception(*args)
    print(e.args, len(e.args))
print(str(Exception()), str(Exception(5)), str(Exception("a", "b")))
print(repr(KeyError("k")), str(KeyError("k")))
class E(Exception):
    def __str__(self):
        return "custom str"
print(str(E()), E("x").args)
