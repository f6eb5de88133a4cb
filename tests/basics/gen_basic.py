# generator functions
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(4)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration")
print(type(g).__name__)
def empty():
    return
    yield
print(list(empty()))
print(next(count(0), "default"))
