# Benchmark: a pipeline of chained generators and generator expressions.

N = 1500000


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def only(pred, src):
    for x in src:
        if pred(x):
            yield x


def scaled(src, k):
    for x in src:
        yield x * k


def windows(src, size):
    win = []
    for x in src:
        win.append(x)
        if len(win) == size:
            yield tuple(win)
            win.pop(0)


def running_total(src):
    total = 0
    for x in src:
        total += x
        yield total


pipeline = running_total(sum(w) for w in windows(scaled(only(lambda v: v % 3 != 0, numbers(N)), 7), 4))
last = 0
count = 0
for last in pipeline:
    count += 1
squares = sum(x * x for x in range(N // 3) if x & 1)
print("generators", count, last % 1000000007, squares)
