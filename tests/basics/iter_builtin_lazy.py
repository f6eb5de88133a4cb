# map, filter, zip, enumerate are lazy iterators
def noisy(n):
    for i in range(n):
        print("produce", i)
        yield i
m = map(lambda x: x * 10, noisy(3))
print("map created")
print(next(m))
print(list(m))
f = filter(lambda x: x % 2, noisy(4))
print(next(f))
z = zip(noisy(5), "ab")
print(list(z))
e = enumerate(noisy(2), 5)
print(list(e))
print(iter(m) is m, iter(f) is f)
