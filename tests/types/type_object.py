# type() and object
print(type(1) is int, type("") is str, type([]) is list, type(type) is type)
print(type(1).__name__, type(int).__name__, type(None).__name__, type(len).__name__)
print(isinstance(1, object), isinstance(int, object), isinstance(int, type), issubclass(int, object))
o = object()
print(type(o).__name__, o == o, o != object())
try:
    o.x = 1
except AttributeError:
    print("AttributeError")
X = type("X", (), {"a": 1, "m": lambda self: "m"})
print(X.a, X().m(), X.__name__)
Y = type("Y", (X,), {})
print(issubclass(Y, X), Y().a)
print(isinstance(3, (str, int)), issubclass(bool, (str, int)))
