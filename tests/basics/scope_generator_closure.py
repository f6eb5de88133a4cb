# generators capturing enclosing variables
def counter(start):
    step = 2
    def gen():
        n = start
        while n < start + 10:
            yield n
            n += step
    return gen
g = counter(5)
print(list(g()))
def outer():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    return add, (lambda: items)
add, view = outer()
add(1); add(2)
print(view())
