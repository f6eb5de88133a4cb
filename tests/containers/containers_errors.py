# error types and messages of wrong uses of containers
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

check(lambda: [1, 2, 3][1.0])
check(lambda: (1,)[None])
check(lambda: {}[[]])
check(lambda: {[]: 1})
check(lambda: set([[1]]))
check(lambda: [].index(1))
check(lambda: [] + None)
check(lambda: None + [])
check(lambda: () * "a")
check(lambda: {1: 2} + {3: 4})
check(lambda: {1} + {2})
check(lambda: {1: 2} < {1: 2})
check(lambda: len(5))
check(lambda: [1][10 ** 30])
check(lambda: [1, 2][:10 ** 30])
check(lambda: [0] * (10 ** 30))
check(lambda: list(range(3))[::10 ** 30])
check(lambda: dict.fromkeys(5))
check(lambda: {}.update(5))
check(lambda: {}.update([1, 2]))
check(lambda: frozenset([1]).add(2))
print("ok")
