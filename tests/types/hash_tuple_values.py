# hash() of tuples gives CPython's numbers (xxHash-style mixing of the items' hashes).
print(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))), hash((-1, -2)), hash((1.5, True, None is None)))
print(hash((2**70, -2**64)), hash(((), ((),))))
print(hash((1, 2)) == hash((1.0, 2.0)), {(1, 2): 'a'}[(1.0, 2)])
