# espy-args: -X heapsize=16k
# not-sanitized: how much memory a collection frees depends on stale words in C stack frames, laid out differently by the sanitizer build
# filling the heap step by step, then freeing it, then allocating again
def fill():
    chunks = []
    try:
        while len(chunks) < 10000:
            chunks.append(bytearray(256))
    except MemoryError:
        return len(chunks)
n1 = fill()
print(n1 > 5, n1 < 100)
n2 = fill()
print(n2 > 5, abs(n1 - n2) < 10)
print("alive")
