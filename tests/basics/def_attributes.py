# function objects and their attributes
def f():
    "doc"
    return 1
print(f.__name__)
g = f
print(g())
def outer():
    def inner():
        pass
    return inner
print(outer().__name__)
print(callable(f), callable(1))
