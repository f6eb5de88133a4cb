# espy-args: -X heapsize=16k
# compiling source too big for the heap raises MemoryError, and small source still works
src = "x = [" + "1," * 1500 + "]"
try:
    exec(src, {})
    print("compiled")
except MemoryError:
    print("MemoryError")
src = None
ns = {}
exec("a = 1 + 2", ns)
print(ns["a"])
