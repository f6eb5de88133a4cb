# any/all short-circuit and sum over various inputs
def noisy(v):
    print("check", v)
    return v
print(any(noisy(x) for x in [0, 1, 2]))
print(all(noisy(x) for x in [1, 0, 2]))
print(sum([]), sum([1.5, 2.5]), sum(range(10), 100), sum([[1], [2, 3]], []))
print(sum((x for x in range(5)), 0), any([]), all([]))
