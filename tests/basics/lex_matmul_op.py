# the @ and @= operators call __matmul__ / __imatmul__ / __rmatmul__
class M:
    def __init__(self, v):
        self.v = v

    def __matmul__(self, other):
        return M(self.v * 10 + other.v)

    def __rmatmul__(self, other):
        return M(other * 100 + self.v)

    def __imatmul__(self, other):
        self.v = self.v - other.v
        return self


a = M(1)
b = M(2)
print((a @ b).v)
print((3 @ b).v)
a @= b
print(a.v)
