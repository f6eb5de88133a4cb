# espy-args: -X heapsize=16k
# many small instances linked together, then released and collected
import gc
class Node:
    def __init__(self, nxt):
        self.nxt = nxt
head = None
count = 0
try:
    while count < 100000:
        head = Node(head)
        count += 1
except MemoryError:
    print("MemoryError", count > 20)
head = None
gc.collect()
head = Node(None)
print("recovered", head.nxt)
