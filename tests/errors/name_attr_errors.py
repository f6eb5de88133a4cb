# NameError, UnboundLocalError, AttributeError
try:
    undefined_name
except NameError:
    print("NameError")
def f():
    print(x)
    x = 1
try:
    f()
except UnboundLocalError:
    print("UnboundLocalError")
except NameError:
    print("NameError (not unbound)")
print(issubclass(UnboundLocalError, NameError))
for obj, attr in ((1, "nope"), ("s", "nope"), ([], "x"), (None, "y"), (len, "z")):
    try:
        getattr(obj, attr)
    except AttributeError:
        print("AttributeError")
try:
    (1).x = 2
except AttributeError:
    print("AttributeError set")
try:
    del [].append
except AttributeError:
    print("AttributeError del")
