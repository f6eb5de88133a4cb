# a small program: graph search with deque-free BFS, DFS generator and topological sort
edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("f", "e")]
graph = {}
for u, v in edges:
    graph.setdefault(u, []).append(v)
    graph.setdefault(v, [])
def bfs(start):
    seen = {start: 0}
    frontier = [start]
    while frontier:
        nxt = []
        for node in frontier:
            for m in graph[node]:
                if m not in seen:
                    seen[m] = seen[node] + 1
                    nxt.append(m)
        frontier = nxt
    return seen
def dfs(node, seen=None):
    if seen is None:
        seen = set()
    if node in seen:
        return
    seen.add(node)
    yield node
    for m in graph[node]:
        yield from dfs(m, seen)
def topo():
    indeg = {n: 0 for n in graph}
    for u in graph:
        for v in graph[u]:
            indeg[v] += 1
    ready = sorted(n for n, d in indeg.items() if d == 0)
    order = []
    while ready:
        n = ready.pop(0)
        order.append(n)
        for m in graph[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
                ready.sort()
    return order
print(sorted(bfs("a").items()))
print(list(dfs("a")))
print(topo())
