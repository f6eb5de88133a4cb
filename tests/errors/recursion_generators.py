# recursion through generators and nested data
def gen(n):
    yield from gen(n + 1)
try:
    next(gen(0))
except RuntimeError:
    print("RuntimeError generator")
# deep nesting either works or raises RuntimeError/MemoryError; it never crashes
def attempt(build, use):
    try:
        use(build())
    except (RuntimeError, MemoryError):
        pass
    print("handled")
def nested_list():
    l = []
    for i in range(3000):
        l = [l]
    return l
def nested_dict():
    d = {}
    for i in range(3000):
        d = {"k": d}
    return d
attempt(nested_list, str)
attempt(nested_list, lambda l: l == nested_list())
attempt(nested_dict, repr)
attempt(nested_dict, lambda d: d == nested_dict())
attempt(nested_list, lambda l: l < nested_list())
print("still running")
