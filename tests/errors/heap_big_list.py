# espy-args: -X heapsize=16k
# one allocation larger than the heap raises MemoryError; the program goes on
try:
    x = [0] * 100000
    print("allocated")
except MemoryError:
    print("MemoryError")
y = [1, 2, 3]
print(sum(y))
