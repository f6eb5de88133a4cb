# the name bound by except is deleted at the end of the handler
e = "before"
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError:
    print("NameError")
def f():
    try:
        raise KeyError
    except KeyError as err:
        x = type(err).__name__
    return x
print(f())
