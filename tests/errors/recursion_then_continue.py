# after a deep recursion the interpreter is fully usable
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RuntimeError:
    pass
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(18))
print(sorted([3, 1, 2]), {"a": 1}, "done")
