# getattr, setattr, hasattr, delattr on classes and modules
import sys
class C:
    a = 1
print(getattr(C, "a"), getattr(C(), "a"), hasattr(C, "b"), getattr(sys, "argv") is sys.argv)
setattr(C, "b", 2)
print(C.b, C().b)
delattr(C, "b")
print(hasattr(C, "b"))
print(getattr(5, "bit_length")(), getattr("s", "upper")())
