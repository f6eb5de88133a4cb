# string operations in a loop: join, split, replace, format
lines = []
for i in range(5):
    lines.append("%d:%s" % (i, "*" * i))
text = "\n".join(lines)
print(text)
print(text.count("*"), text.split("\n")[-1], text.replace("*", "+").splitlines()[2])
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), sorted(set(words))[:3], " ".join(w[::-1] for w in words))
print(",".join(str(len(w)) for w in words))
print("{:-^20}".format(" mid "), "[" + "ab".rjust(5, "0") + "]")
