# range objects
r = range(2, 20, 3)
print(list(r), len(r), r[0], r[-1], r[1:3], 5 in r, 6 in r)
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(3, 1)))
print(range(10)[::2], list(range(10)[::-3]), range(1, 5), range(0, 10, 2))
print(range(3) == range(3), range(0) == range(2, 2), len(range(-5, 5, 4)))
print(r.start, r.stop, r.step, r.index(8), r.count(8))
try:
    range(1, 2, 0)
except ValueError:
    print("ValueError")
try:
    r[100]
except IndexError:
    print("IndexError")
print(len(range(2 ** 40)), range(2 ** 40)[-1])
print(sum(range(101)), list(reversed(range(4))))
