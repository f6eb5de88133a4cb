# espy-args: -X heapsize=16k
# source too big for the heap (to build or to compile) raises MemoryError, and small source still works
try:
    src = "x = [" + "1," * 2000 + "]"
    exec(src, {})
    print("compiled")
except MemoryError:
    print("MemoryError")
src = None
ns = {}
exec("a = 1 + 2", ns)
print(ns["a"])
