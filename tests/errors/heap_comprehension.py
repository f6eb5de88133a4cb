# espy-args: -X heapsize=16k
# a comprehension that exhausts the heap
try:
    l = [i for i in range(100000)]
    print("built")
except MemoryError:
    print("MemoryError")
l = None
print([i * i for i in range(5)])
