# The builtins cache: globals shadowing builtins, and builtins replaced, between calls.
import builtins


def use():
    return len([1, 2, 3]), abs(-2)


print([use() for _ in range(3)])

# a global shadows the builtin, then goes away again
len = lambda x: "global len"
print([use() for _ in range(2)])
del len
print([use() for _ in range(2)])

# the builtin itself replaced, and restored
orig_abs = builtins.abs
builtins.abs = lambda x: "patched abs"
print([use() for _ in range(2)])
builtins.abs = orig_abs
print([use() for _ in range(2)])

# a new builtin appears and disappears
def ask():
    try:
        return brand_new
    except NameError:
        return "NameError"


print([ask() for _ in range(2)])
builtins.brand_new = "now a builtin"
print([ask() for _ in range(2)])
brand_new = "now a global"
print([ask() for _ in range(2)])
del brand_new
print([ask() for _ in range(2)])
del builtins.brand_new
print([ask() for _ in range(2)])

# globals() mutated directly
g = globals()
g["abs"] = lambda x: "from globals()"
print([use() for _ in range(2)])
del g["abs"]
print([use() for _ in range(2)])

# functions with other globals (exec) see their own
ns = {"len": lambda x: "ns len"}
exec("def f():\n    return len('abc'), abs(-1)\n", ns)
print(ns["f"](), ns["f"]())
del ns["len"]
print(ns["f"]())
