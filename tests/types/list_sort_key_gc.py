# sorting with a key function that allocates: the computed keys must survive collections
counts = {}
for i in range(3000):
    w = "w%d" % (i % 800)
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print(len(top), top[:3], top[-2:])
words = ["x%d" % (i * 7919 % 1000) for i in range(1000)]
words.sort(key=lambda w: [len(w), w[::-1]])
print(words[:3], words[-3:])
print(sorted(range(2000), key=lambda i: (str(i % 10), -i))[:4])
