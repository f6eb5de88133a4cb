# not-sanitized: how much memory a collection frees depends on stale words in C stack frames, laid out differently by the sanitizer build
# espy-args: -X heapsize=16k
# dict and set growth until the heap is full
d = {}
try:
    i = 0
    while i < 100000:
        d[i] = i
        i += 1
except MemoryError:
    print("MemoryError dict", len(d) > 50)
d = None
s = set()
try:
    i = 0
    while i < 100000:
        s.add(i * 7)
        i += 1
except MemoryError:
    print("MemoryError set", len(s) > 50)
s = None
print({"ok": 1})
