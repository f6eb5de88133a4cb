# espy-args: -X heapsize=16k
# a huge integer result raises MemoryError instead of crashing
try:
    x = 7 ** 200000
    print("computed")
except MemoryError:
    print("MemoryError")
x = None
print(2 ** 100)
