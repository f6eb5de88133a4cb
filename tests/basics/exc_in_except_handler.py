# exceptions raised while handling another one
def f():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
try:
    f()
except TypeError as e:
    print("got", e.args)
except ValueError:
    print("wrong")
def g():
    try:
        raise KeyError
    finally:
        raise IndexError
try:
    g()
except IndexError:
    print("finally exception wins")
def h():
    try:
        return 1
    finally:
        try:
            raise ValueError
        except ValueError:
            print("handled inside finally")
print(h())
