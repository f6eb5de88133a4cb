# espy-args: -X heapsize=16k
# espy-exit: 1
# an uncaught MemoryError ends the program with exit status 1
print("start")
x = bytearray(1000000)
print("never")
