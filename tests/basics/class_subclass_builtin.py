# subclassing built-in types
class MyList(list):
    def total(self):
        return sum(self)
l = MyList([1, 2, 3])
l.append(4)
print(l, l.total(), len(l), isinstance(l, list))
class MyDict(dict):
    def __missing__(self, k):
        return "missing " + k
d = MyDict(a=1)
print(d["a"], d["zz"])
class MyInt(int):
    def double(self):
        return self * 2
print(MyInt(21).double(), MyInt(3) + 1)
class MyExc(Exception):
    def __init__(self, code):
        super().__init__("code", code)
        self.code = code
try:
    raise MyExc(7)
except Exception as e:
    print(type(e).__name__, e.code, e.args)
class MyStr(str):
    pass
print(MyStr("abc").upper(), isinstance(MyStr("x"), str))
