# moderately deep recursion works
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
def ping(n):
    return "done" if n == 0 else pong(n - 1)
def pong(n):
    return "done" if n == 0 else ping(n - 1)
print(ping(400))
def tree(n):
    return [] if n == 0 else [tree(n - 1), tree(n - 1)]
def count(t):
    return 1 + sum(count(c) for c in t)
print(count(tree(10)))
