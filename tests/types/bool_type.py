# bool
print(True, False, repr(True), str(False))
print(True + True, True * 10, False - 1, True / 2, True // 1)
print(int(True), float(False), bool(0), bool(1), bool(-1), bool(""), bool("a"), bool([]), bool((0,)))
print(isinstance(True, int), issubclass(bool, int), type(True).__name__)
print(True == 1, False == 0, {True: "t", 1: "one"})
print(True & False, True | False, True ^ True, ~True)
print(bool(), bool(None), bool(0.0), bool(0j) if False else False)
class Z:
    def __len__(self):
        return 0
print(bool(Z()))
