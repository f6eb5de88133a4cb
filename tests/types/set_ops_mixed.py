# sets with mixed element types and frozenset interplay
s = {1, "a", (1, 2), None, 2.5}
print(len(s), 1 in s, (1, 2) in s, "b" in s)
f = frozenset({1, 2})
s2 = {f, frozenset()}
print(frozenset({2, 1}) in s2, len(s2))
print(sorted({1, 2} | frozenset({3})), type({1} | frozenset({3})).__name__, type(frozenset({3}) | {1}).__name__)
print({1, 2} == frozenset({1, 2}), {1.0, 1, True})
try:
    {[1]}
except TypeError:
    print("TypeError")
try:
    {1} + {2}
except TypeError:
    print("TypeError +")
