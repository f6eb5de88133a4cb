# None
print(None, repr(None), str(None), bool(None))
print(None is None, None == None, None != 0, type(None).__name__)
def f():
    pass
print(f() is None)
try:
    None + 1
except TypeError:
    print("TypeError")
try:
    None()
except TypeError:
    print("TypeError call")
print(hash(None) == hash(None))
