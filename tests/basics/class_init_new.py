# __new__ and __init__
class S:
    def __new__(cls, v):
        print("new", cls.__name__)
        inst = super().__new__(cls)
        inst.created = v
        return inst
    def __init__(self, v):
        print("init", v)
s = S(3)
print(s.created)
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = object.__new__(cls)
        return cls._inst
print(Single() is Single())
class Other:
    def __new__(cls):
        return 42
print(Other())
