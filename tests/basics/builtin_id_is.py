# identity: is, id and singleton objects
a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, id(a) == id(b), id(a) == id(c))
print(None is None, True is True, () is (), type(None)() is None)
x = object()
print(x is x, x is not object())
