# iter(callable, sentinel) and manual iteration
data = [3, 2, 1, 0, 5]
pos = [0]
def read():
    v = data[pos[0]]
    pos[0] += 1
    return v
print(list(iter(read, 0)))
it = iter([1, 2, 3])
print(next(it))
print(list(it))
print(list(it))
s = iter("ab")
print(next(s), next(s), next(s, None))
