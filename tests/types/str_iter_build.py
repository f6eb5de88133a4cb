# building strings incrementally
s = ""
for i in range(10):
    s += str(i)
print(s, len(s))
parts = []
for w in ("alpha", "beta", "gamma"):
    parts.append(w[::-1])
print(" ".join(parts))
print("x" * 0, "x" * -1, "ab" * 3, 3 * "c")
print(str(12345)[::-1], "".join(reversed("abc")))
