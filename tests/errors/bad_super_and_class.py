# class creation and super misuse
try:
    class C(5):
        pass
except TypeError:
    print("TypeError bad base")
try:
    class D(int, str):
        pass
except TypeError:
    print("TypeError layout")
try:
    super()
except RuntimeError:
    print("RuntimeError super outside class")
class A:
    pass
try:
    A.missing_method()
except AttributeError:
    print("AttributeError")
try:
    object.__new__(5)
except TypeError:
    print("TypeError object.__new__")
