# dict and set comprehensions
print({x: x * x for x in range(5)})
print({k: v for k, v in zip("abc", range(3)) if v})
print(sorted({x % 3 for x in range(10)}))
print({c: i for i, c in enumerate("hello")})
print(sorted({(a, b) for a in range(2) for b in range(2)}))
