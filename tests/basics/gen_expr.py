# generator expressions
g = (x * x for x in range(5))
print(type(g).__name__)
print(list(g))
print(list(g))
print(sum(x for x in range(10)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(list((a, b) for a in range(3) for b in range(a)))
print(list(x for x in range(10) if x % 3 if x > 2))
