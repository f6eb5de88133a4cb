# re-raising with bare raise and raising in handlers
def f():
    try:
        raise ValueError("orig")
    except ValueError:
        print("handling")
        raise
try:
    f()
except ValueError as e:
    print("reraised", e.args)
try:
    try:
        raise KeyError("a")
    except KeyError:
        raise IndexError("b")
except IndexError as e:
    print(type(e).__name__, e.args)
try:
    try:
        raise KeyError
    finally:
        print("finally while propagating")
except KeyError:
    print("KeyError out")
