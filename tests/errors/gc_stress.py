# espy-args: -X heapsize=64k
# allocation churn far beyond the heap size forces many collections
total = 0
for i in range(2000):
    l = [i] * 20
    d = {"k": l, "s": str(i)}
    total += len(d["s"]) + l[-1]
print(total)
keep = []
for i in range(200):
    keep.append((i, str(i) * 3))
    if len(keep) > 50:
        keep.pop(0)
print(len(keep), keep[0], keep[-1])
