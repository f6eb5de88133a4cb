# espy-args: -X heapsize=16k
# string and bytes growth until the heap is exhausted
s = "x"
try:
    while len(s) < 2 ** 24:
        s = s + s
except MemoryError:
    print("MemoryError str", len(s) > 1000)
s = None
b = b"y"
try:
    while len(b) < 2 ** 24:
        b = b * 2
except MemoryError:
    print("MemoryError bytes")
b = None
print("x" * 10)
