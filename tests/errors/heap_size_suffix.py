# espy-args: -X heapsize=1m
# a 1 MB heap holds much more than 16 KB
b = bytearray(200000)
print(len(b))
l = [i for i in range(10000)]
print(sum(l))
