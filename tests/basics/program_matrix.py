# a small program: integer matrices with operator overloading and exact fractions
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(rows)
        self.m = len(rows[0])
    def __mul__(self, o):
        if self.m != o.n:
            raise ValueError("shape")
        return Matrix([[sum(self.rows[i][k] * o.rows[k][j] for k in range(self.m))
                        for j in range(o.m)] for i in range(self.n)])
    def __pow__(self, e):
        result = Matrix([[int(i == j) for j in range(self.n)] for i in range(self.n)])
        base = self
        while e:
            if e & 1:
                result = result * base
            base = base * base
            e >>= 1
        return result
    def __eq__(self, o):
        return self.rows == o.rows
    def __repr__(self):
        return "\n".join(" ".join("%d" % v for v in r) for r in self.rows)
fib = Matrix([[1, 1], [1, 0]])
print(fib ** 10)
print((fib ** 90).rows[0][1])
try:
    Matrix([[1, 2]]) * Matrix([[1, 2]])
except ValueError as e:
    print("ValueError", e.args)
print(Matrix([[2]]) ** 0 == Matrix([[1]]))
