# recursion through methods, dunders and lambdas
class R:
    def __getattr__(self, name):
        return getattr(self, name)
try:
    R().a
except RuntimeError:
    print("RuntimeError getattr")
class S:
    def __repr__(self):
        return repr(self)
try:
    repr(S())
except RuntimeError:
    print("RuntimeError repr")
f = lambda n: f(n + 1)
try:
    f(0)
except RuntimeError:
    print("RuntimeError lambda")
class A:
    def __add__(self, o):
        return self + o
try:
    A() + 1
except RuntimeError:
    print("RuntimeError add")
