# shadowing and restoring builtins
len = lambda x: "shadowed"
print(len([1, 2]))
del len
print(len([1, 2]))
def f():
    max = "local max"
    return max
print(f(), max(1, 2))
import builtins
print(builtins.len("abc"))
