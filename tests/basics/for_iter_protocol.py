# for uses __iter__ / __next__
class Count:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        self.i = 0
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
for x in Count(3):
    print(x)
print(list(Count(4)))
class OldSeq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(OldSeq()))
for c in "abc":
    print(c, end=" ")
print()
for k in {"a": 1, "b": 2}:
    print(k)
