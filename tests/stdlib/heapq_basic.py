import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 1]:
    heapq.heappush(h, x)
    print(h)
out = []
while h:
    out.append(heapq.heappop(h))
    print(h)
print(out)
data = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 11), data)
print(heapq.heappushpop(data, -1), data)
print(heapq.heappushpop(data, 4), data)
print(heapq.heappushpop([], 3))
h = [(2, "b"), (1, "a"), (3, "c")]
heapq.heapify(h)
print([heapq.heappop(h) for _ in range(3)])
for f, a in ((heapq.heappop, ([],)), (heapq.heapreplace, ([], 1)), (heapq.heappush, ((), 1))):
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e)
