# truth value of instances: __bool__, then __len__, else True
class Empty:
    pass
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class B:
    def __bool__(self):
        return False
    def __len__(self):
        return 10
print(bool(Empty()), bool(L(0)), bool(L(2)), bool(B()))
print("yes" if L(1) else "no", "yes" if B() else "no")
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError:
    print("TypeError")
