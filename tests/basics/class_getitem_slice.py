# __getitem__ receiving slices and negative indexes
class Seq:
    def __init__(self, data):
        self.data = list(data)
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(self.data[i])
        return self.data[i]
    def __repr__(self):
        return "Seq(%r)" % (self.data,)
s = Seq(range(6))
print(s[1], s[-1], s[1:4], s[::-2], len(s[2:]))
print(list(s), 3 in s, list(reversed(s)))
