# import binds a local name inside a function
import sys
sys.path.insert(0, "../lib")
def f():
    import helper_mod
    from helper_mod import double
    return helper_mod.value, double(1)
print(f())
try:
    helper_mod
except NameError:
    print("not global")
def g():
    global helper_mod
    import helper_mod
g()
print(helper_mod.value)
