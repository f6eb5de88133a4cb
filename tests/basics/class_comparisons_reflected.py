# reflected comparisons and NotImplemented
class N:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        if isinstance(o, N):
            return self.v == o.v
        return NotImplemented
    def __lt__(self, o):
        if isinstance(o, N):
            return self.v < o.v
        if isinstance(o, int):
            return self.v < o
        return NotImplemented
    def __gt__(self, o):
        if isinstance(o, int):
            return self.v > o
        return NotImplemented
print(N(1) == N(1), N(1) == 1, 1 == N(1), N(1) != N(2))
print(N(1) < 5, 5 > N(1), 5 < N(10), N(2) > 1)
try:
    N(1) < "x"
except TypeError:
    print("TypeError")
