# espy-args: -X heapsize=16k
# deep recursion with a small heap: RuntimeError or MemoryError, never a crash
def r(n):
    return r(n + 1)
try:
    r(0)
except (RuntimeError, MemoryError):
    print("stopped")
print("alive")
