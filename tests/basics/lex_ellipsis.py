# Ellipsis literal
print(...)
print(Ellipsis)
print(... is Ellipsis)
print(type(...).__name__)
def f():
    ...
print(f())
x = [1, ..., 2]
print(x)
