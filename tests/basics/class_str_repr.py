# __str__ and __repr__
class A:
    def __repr__(self):
        return "A-repr"
class B(A):
    def __str__(self):
        return "B-str"
print(A(), str(A()), repr(A()))
print(B(), str(B()), repr(B()))
print([A(), B()])
print("%s %r" % (B(), B()))
print(f"{B()} {B()!r} {B()!s}")
