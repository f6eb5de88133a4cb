# Exception subclasses set args through the base class: ValueError.__init__(self, msg).
class E(ValueError):
    def __init__(self, msg, code):
        ValueError.__init__(self, msg)
        self.code = code
e = E('bad', 3)
print(e, e.args, e.code, repr(e))
class F(Exception):
    def __init__(self, *a):
        Exception.__init__(self, *a)
print(F(1, 2).args)
class G(OSError):
    def __init__(self):
        OSError.__init__(self, 2, 'x')
print(G().args, G().errno)
class H(KeyError):
    def __init__(self, key):
        super().__init__(key)
print(repr(H('k')), H('k').args)
e = ValueError('a', 'b')
ValueError.__init__(e, 'c')
print(e.args)
try:
    BaseException.__init__(1)
except TypeError:
    print('TypeError')
