# list comprehensions
print([x * 2 for x in range(5)])
print([x for x in range(10) if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[y for y in range(x)] for x in range(4)])
print([c.upper() for c in "abc"])
print([x if x > 1 else -x for x in range(4)])
print([a + b for a, b in [(1, 2), (3, 4)]])
print([x for x in [] ])
