# multiple inheritance and the MRO
class A:
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
class B(A):
    def who(self):
        return "B"
    def chain(self):
        return ["B"] + super().chain()
class C(A):
    def who(self):
        return "C"
    def chain(self):
        return ["C"] + super().chain()
class D(B, C):
    def chain(self):
        return ["D"] + super().chain()
d = D()
print(d.who())
print(d.chain())
print(isinstance(d, C), issubclass(D, A))
class M1:
    x = "m1"
class M2:
    x = "m2"
    y = "m2y"
class Both(M1, M2):
    pass
print(Both.x, Both.y)
